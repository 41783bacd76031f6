import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../shared/ipc/contract';
import { FACTS } from '../../../shared/model/catalogue';
import { withFact, type FactKey, type Facts } from '../../../shared/model/facts';
import { api, call } from '../../api/client';
import { When } from '../../components/When';
import { useSettings } from '../../state/settings';
import { teamActions } from '../../state/team';
import { useAction } from '../../state/use-action';
import { useFactText } from '../case/FactList';

type Conflict = ResponseOf<'team.conflicts'>['items'][number];

const factOf = (field: string): FactKey | null => {
  const name = field.replace(/^facts\./, '');
  return field.startsWith('facts.') && Object.hasOwn(FACTS, name) ? (name as FactKey) : null;
};

/** The field's name as the case screen shows it. */
function useFieldLabel(field: string): string {
  const { t } = useTranslation();
  const fact = factOf(field);
  const name = field.replace(/^facts\./, '');
  const factText = useFactText({} as Facts);
  return fact === null ? t(`team.fields.${name}`, { defaultValue: name }) : factText(fact)[0];
}

/** One side's value, worded as the case screen words it (a fact through its catalogue entry). */
function ConflictValue({ field, value, facts }: { field: string; value: unknown; facts: Facts }) {
  const { t } = useTranslation();
  const fact = factOf(field);
  const factText = useFactText(fact === null ? facts : withFact(facts, fact, value));
  if (value === undefined || value === null || value === '') return <>{t('team.empty')}</>;
  if (fact !== null) return <>{factText(fact)[1]}</>;
  // Two concurrent decisions: each side is a decision (store/team/team-decisions.ts).
  if (field === 'decision') {
    const { recordedOutcome, agent } = value as { recordedOutcome: string; agent: string };
    return <>{t('team.decidedBy', { outcome: t(`outcome.${recordedOutcome}`), agent })}</>;
  }
  return <>{typeof value === 'string' ? value : JSON.stringify(value)}</>;
}

function ConflictChoice({ caseRef, conflict, facts }: { caseRef: string; conflict: Conflict; facts: Facts }) {
  const { t } = useTranslation();
  const agentName = useSettings((s) => s.agentName);
  const label = useFieldLabel(conflict.field);
  const { busy, run } = useAction();
  const keep = (side: 'local' | 'remote') =>
    void run(
      () => teamActions.resolveConflict(caseRef, conflict.id, side, agentName),
      () => t('team.kept', { field: label }),
    );
  const side = (which: 'local' | 'remote') => (
    <div className={`conflict-side ${which}`}>
      <p className="muted">
        {which === 'local' ? (
          t('team.here')
        ) : (
          <>
            {t('team.there')} · {t('team.fromWhom', { actor: conflict.remoteActor })}{' '}
            <When iso={conflict.openedAt} />
          </>
        )}
      </p>
      <p className="conflict-value">
        <ConflictValue field={conflict.field} value={conflict[which]} facts={facts} />
      </p>
      <button type="button" disabled={busy || agentName === ''} onClick={() => keep(which)}>
        {t('team.keep')}
      </button>
    </div>
  );
  return (
    <div className="conflict" data-field={conflict.field}>
      <h3>{label}</h3>
      <div className="conflict-choices">
        {side('local')}
        {side('remote')}
      </div>
    </div>
  );
}

/**
 * The case's open conflicts: each field with this desktop's value and the other desktop's
 * (who sent it, when it arrived), and a button to keep either. Nothing is decided until none is left.
 */
export function ConflictPanel({
  caseRef,
  facts,
  revision,
}: {
  caseRef: string;
  facts: Facts;
  revision: number;
}) {
  const { t } = useTranslation();
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  useEffect(() => {
    let current = true;
    call(api['team.conflicts']({ ref: caseRef }))
      .then(({ items }) => {
        if (current) setConflicts(items);
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [caseRef, revision]);
  if (conflicts.length === 0) return null;
  return (
    <section className="conflicts" aria-labelledby="conflicts-title">
      <h2 id="conflicts-title">{t('team.conflictTitle')}</h2>
      <p>{t('team.conflictIntro')}</p>
      {conflicts.map((conflict) => (
        <ConflictChoice key={conflict.id} caseRef={caseRef} conflict={conflict} facts={facts} />
      ))}
    </section>
  );
}
