import type { TeamRoles } from '../roles';

/** A claim made offline lasts this long once the server grants it, unless the event says. */
export const DEFAULT_LEASE_MS = 8 * 60 * 60 * 1000;
/** The longest lease a claim may ask for: a member cannot hold a case for good. */
export const LONGEST_LEASE_MS = 7 * 24 * 60 * 60 * 1000;

const PINNED = 'SECURITY DEFINER SET search_path = pg_catalog, pg_temp';

/**
 * The team's functions (migration 005). Each runs as the schema's owner: search_path pinned
 * (pg_temp last, so no temporary object is found before the catalog) and every name qualified,
 * so nothing a member creates in their session is read in place of a team table.
 */
export function teamFunctionsSql(roles: TeamRoles, settings: { pushLock: number; refused: string }): string {
  const role = (name: string) => `'${name.replace(/'/g, "''")}'`;
  const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const { pushLock, refused } = settings;
  // Refuses the event being inserted for what it says: the desktop parks it with this message.
  const refuse = (message: string, ...args: string[]) =>
    `RAISE EXCEPTION '${message}'${args.map((arg) => `, ${arg}`).join('')}
       USING ERRCODE = '${refused}', DETAIL = NEW.event_id::text;`;
  return `
    -- The name the team sees for the session's login: the members table's, never a desktop's. An
    -- administrator who is no member (the schema's owner) is trusted with the name it gives.
    CREATE FUNCTION public.team_member_name(claimed text) RETURNS text
      LANGUAGE plpgsql STABLE ${PINNED} AS $$
      DECLARE shown text;
      BEGIN
        IF pg_has_role(session_user, ${role(roles.agent)}, 'MEMBER') THEN
          SELECT m.display_name INTO shown FROM public.team_members m WHERE m.login = session_user;
          IF FOUND THEN RETURN shown; END IF;
        END IF;
        IF pg_has_role(session_user, ${role(roles.admin)}, 'MEMBER') THEN
          RETURN coalesce(claimed, session_user::text);
        END IF;
        RAISE EXCEPTION 'permission denied: % is not a member of this team', session_user
          USING ERRCODE = 'insufficient_privilege';
      END $$;

    CREATE FUNCTION public.team_whoami()
      RETURNS TABLE (login text, display_name text, lead boolean, admin boolean)
      LANGUAGE sql STABLE ${PINNED} AS $$
        SELECT session_user::text, public.team_member_name(NULL),
               pg_has_role(session_user, ${role(roles.lead)}, 'MEMBER'),
               pg_has_role(session_user, ${role(roles.admin)}, 'MEMBER')
      $$;

    -- Appends a desktop's events in the order given, each stamped with the login and its name,
    -- under the push lock so numbers become visible in order; an id already there is skipped.
    CREATE FUNCTION public.team_push(ids uuid[], desktops text[], case_keys uuid[], kinds text[],
                                     actors text[], bodies jsonb[], made timestamptz[])
      RETURNS TABLE (pushed_event uuid, pushed_seq bigint)
      LANGUAGE plpgsql ${PINNED} AS $$
      DECLARE
        me text := public.team_member_name(NULL);
        trusted boolean := NOT EXISTS (SELECT FROM public.team_members m WHERE m.login = session_user);
        taken uuid[];
        numbers bigint[];
        claim record;
      BEGIN
        PERFORM pg_advisory_xact_lock(${pushLock});
        -- The transaction id before the first number: the pull's horizon then orders as seq does.
        PERFORM pg_current_xact_id();
        WITH added AS (
          INSERT INTO public.team_events AS t (event_id, desktop_id, case_key, kind, actor, body, made_at)
          SELECT e.id, e.desktop, e.case_key, e.kind, CASE WHEN trusted THEN e.actor ELSE me END, e.body, e.made_at
            FROM unnest(ids, desktops, case_keys, kinds, actors, bodies, made)
                 WITH ORDINALITY AS e(id, desktop, case_key, kind, actor, body, made_at, position)
           -- A retried push: events already there were checked when they came, and are skipped
           -- before the checks run again (the lock makes this exact; the conflict clause stays).
           WHERE NOT EXISTS (SELECT FROM public.team_events k WHERE k.event_id = e.id)
           ORDER BY e.position
          ON CONFLICT (event_id) DO NOTHING
          RETURNING t.event_id, t.seq)
        SELECT coalesce(array_agg(a.event_id ORDER BY a.seq), '{}'), coalesce(array_agg(a.seq ORDER BY a.seq), '{}')
          INTO taken, numbers FROM added a;
        -- Claims made offline are settled here, in the order the server numbered them.
        FOR claim IN
          SELECT t.event_id, t.case_key, t.actor, t.desktop_id, t.body FROM public.team_events t
           WHERE t.seq = ANY (numbers) AND t.kind = 'case.assign' AND t.body -> 'claim' = 'true'::jsonb
           ORDER BY t.seq
        LOOP
          PERFORM public.team_settle_claim(claim.event_id, claim.case_key, claim.actor, claim.desktop_id,
            CASE WHEN jsonb_typeof(claim.body -> 'leaseMs') = 'number'
                 THEN least(greatest((claim.body ->> 'leaseMs')::numeric, 1), ${LONGEST_LEASE_MS})::bigint
                 ELSE ${DEFAULT_LEASE_MS} END);
        END LOOP;
        RETURN QUERY SELECT * FROM unnest(taken, numbers);
      END $$;

    -- Grants the case unless another agent holds an unexpired lease; the holder renews. Every
    -- claim gets one answer, so a retried claim hears the same. Only under the push lock.
    CREATE FUNCTION public.team_settle_claim(claim_event uuid, claim_case uuid, claimant text,
                                             claim_desktop text, lease_ms bigint)
      RETURNS public.team_claim_answers LANGUAGE plpgsql ${PINNED} AS $$
      DECLARE
        answer public.team_claim_answers;
        holder record;
        granted boolean;
      BEGIN
        SELECT * INTO answer FROM public.team_claim_answers a WHERE a.event_id = claim_event;
        IF FOUND THEN RETURN answer; END IF;
        INSERT INTO public.team_claims AS c (case_key, agent, desktop_id, lease_until, event_id)
        VALUES (claim_case, claimant, claim_desktop, now() + lease_ms * interval '1 millisecond', claim_event)
        ON CONFLICT (case_key) DO UPDATE
          SET agent = EXCLUDED.agent, desktop_id = EXCLUDED.desktop_id,
              lease_until = EXCLUDED.lease_until, event_id = EXCLUDED.event_id
          WHERE c.lease_until <= now() OR c.agent = EXCLUDED.agent
        RETURNING c.agent, c.lease_until INTO holder;
        granted := FOUND;
        IF NOT granted THEN
          SELECT c.agent, c.lease_until INTO holder FROM public.team_claims c WHERE c.case_key = claim_case;
        END IF;
        INSERT INTO public.team_claim_answers (event_id, case_key, agent, granted, holder, lease_until)
        VALUES (claim_event, claim_case, claimant, granted, holder.agent, holder.lease_until)
        RETURNING * INTO answer;
        RETURN answer;
      END $$;

    -- An online claim, answered at once, for the login's member.
    CREATE FUNCTION public.team_claim(claim_event uuid, claim_case uuid, claim_desktop text,
                                      claimant text, lease_ms bigint)
      RETURNS public.team_claim_answers LANGUAGE plpgsql ${PINNED} AS $$
      DECLARE me text := public.team_member_name(claimant);
      BEGIN
        IF lease_ms IS NULL OR lease_ms < 1 OR lease_ms > ${LONGEST_LEASE_MS} THEN
          RAISE EXCEPTION 'a claim lasts from 1 ms to ${LONGEST_LEASE_MS} ms, not %', lease_ms
            USING ERRCODE = 'check_violation';
        END IF;
        PERFORM pg_advisory_xact_lock(${pushLock});
        RETURN public.team_settle_claim(claim_event, claim_case, me, claim_desktop, lease_ms);
      END $$;

    CREATE FUNCTION public.team_set_threshold(code text, minor bigint) RETURNS void
      LANGUAGE plpgsql ${PINNED} AS $$
      BEGIN
        IF NOT pg_has_role(session_user, ${role(roles.admin)}, 'MEMBER') THEN
          RAISE EXCEPTION 'permission denied: only an administrator of this team sets approval thresholds (% is not one)',
            session_user USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF minor IS NULL THEN
          DELETE FROM public.team_approval_thresholds t WHERE t.currency = code;
        ELSE
          INSERT INTO public.team_approval_thresholds (currency, amount, set_by) VALUES (code, minor, session_user)
          ON CONFLICT (currency) DO UPDATE
            SET amount = EXCLUDED.amount, set_by = EXCLUDED.set_by, set_at = now();
        END IF;
      END $$;

    -- What an event may do, checked as it is inserted (inside team_push, as its owner).
    CREATE OR REPLACE FUNCTION public.team_events_check_author() RETURNS trigger
      LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
      DECLARE
        asked record;
        decided jsonb := NEW.body -> 'decision';
        rules jsonb;
        threshold bigint;
      BEGIN
        NEW.pushed_by := session_user;
        IF NEW.kind = 'decision.record' THEN
          IF jsonb_typeof(decided) IS DISTINCT FROM 'object' THEN
            ${refuse('a decision event carries no decision')}
          END IF;
          IF NEW.body ? 'approval' THEN
            IF coalesce(NEW.body #>> '{approval,key}', '') = '' THEN
              ${refuse('a decision waiting for approval needs a request key')}
            END IF;
            IF EXISTS (SELECT FROM public.team_events e WHERE e.kind = 'decision.record'
                        AND e.body #>> '{approval,key}' = NEW.body #>> '{approval,key}') THEN
              ${refuse('approval key % is taken by another decision', "NEW.body #>> '{approval,key}'")}
            END IF;
          ELSE
            -- A decision that arrives counted must be one that needs no lead.
            IF coalesce(decided ->> 'override_justification', '') <> '' THEN
              ${refuse('an override waits for a lead: it cannot arrive counted')}
            END IF;
            BEGIN
              rules := (decided ->> 'decision')::jsonb;
            EXCEPTION WHEN others THEN
              ${refuse('the decision event carries no readable rules decision')}
            END;
            IF decided ->> 'recorded_outcome' IS DISTINCT FROM rules ->> 'outcome' THEN
              ${refuse("without an override the recorded outcome is the rules'' (%), not %", "rules ->> 'outcome'", "decided ->> 'recorded_outcome'")}
            END IF;
            SELECT t.amount INTO threshold FROM public.team_approval_thresholds t WHERE t.currency = rules ->> 'currency';
            IF threshold IS NOT NULL AND jsonb_typeof(rules -> 'refundAmount') = 'number'
               AND (rules ->> 'refundAmount')::numeric > threshold THEN
              ${refuse("a refund of % % is above the team''s threshold (%): it waits for a lead", "rules ->> 'refundAmount'", "rules ->> 'currency'", 'threshold')}
            END IF;
          END IF;
        ELSIF NEW.kind IN ('approval.grant', 'approval.refuse') THEN
          IF NOT pg_has_role(session_user, ${role(roles.lead)}, 'MEMBER') THEN
            ${refuse('only a lead may answer an approval request (% is not one)', 'session_user')}
          END IF;
          SELECT e.pushed_by, e.actor INTO asked FROM public.team_events e
           WHERE e.kind = 'decision.record' AND e.body #>> '{approval,key}' = NEW.body #>> '{approval,key}';
          IF NOT FOUND THEN
            ${refuse('no decision waits for approval under key %', "NEW.body #>> '{approval,key}'")}
          END IF;
          IF asked.pushed_by = session_user OR asked.actor = NEW.actor THEN
            ${refuse('four eyes: % made this decision, so another lead answers it', 'asked.actor')}
          END IF;
          IF NEW.kind = 'approval.refuse' AND coalesce(btrim(NEW.body #>> '{approval,reason}'), '') = '' THEN
            ${refuse('a refusal of an approval request needs a reason')}
          END IF;
        END IF;
        RETURN NEW;
      END $$;

    REVOKE ALL ON FUNCTION public.team_member_name(text), public.team_settle_claim(uuid, uuid, text, text, bigint),
      public.team_events_check_author(), public.team_events_append_only(),
      public.team_whoami(), public.team_push(uuid[], text[], uuid[], text[], text[], jsonb[], timestamptz[]),
      public.team_claim(uuid, uuid, text, text, bigint), public.team_set_threshold(text, bigint) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION public.team_whoami(),
      public.team_push(uuid[], text[], uuid[], text[], text[], jsonb[], timestamptz[]),
      public.team_claim(uuid, uuid, text, text, bigint), public.team_set_threshold(text, bigint)
      TO ${ident(roles.agent)}, ${ident(roles.admin)};
  `;
}
