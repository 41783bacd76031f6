import type { ApiResult } from '../../shared/ipc/contract';
import type { CaseChange, CaseFields, CaseStatus, NewCase } from '../../shared/model/case';
import type { Outcome } from '../../shared/model/decision';
import { withFact, type FactKey, type Facts } from '../../shared/model/facts';
import { parseFacts } from '../../shared/policy/parse-facts';
import type { Language } from '../../shared/model/languages';
import { api, ApiCallError, call } from '../api/client';
import { currentLanguage, i18n } from '../i18n';
import { formatInstant, zoneOf } from '../lib/time';
import { useCase } from './case';
import { changesSince, describeConflict } from './conflict';
import { useSettings } from './settings';
import { useUi } from './ui';

/**
 * Every change the console makes to a case: each names the revision of the case on screen,
 * and its answer replaces what is shown. When the store refuses (someone else changed the
 * case, or the rules now decide otherwise), the case is reloaded and the error says what
 * changed, so the agent checks before trying again.
 */
async function change(ref: string, write: (revision: number) => Promise<ApiResult<CaseChange>>) {
  const shown = useCase.getState();
  if (shown.ref !== ref || shown.detail === null) throw new Error(`${ref} is not loaded`);
  try {
    const answer = await call(write(shown.detail.summary.revision));
    useCase.getState().apply(answer);
    return answer;
  } catch (error) {
    if (!(error instanceof ApiCallError) || error.code !== 'conflict') throw error;
    const before = { detail: shown.detail, audit: shown.audit };
    await useCase.getState().load(ref);
    // The live panel decides at the shared clock; bring it to now, as the store decided.
    useUi.setState({ now: Date.now() });
    const changes = changesSince(before, useCase.getState());
    const language = currentLanguage();
    const zone = zoneOf(useSettings.getState().timeZone);
    throw new Error(
      describeConflict(i18n.t, ref, changes, (iso) => formatInstant(iso, language, zone), error.message),
    );
  }
}

export interface DecisionInput {
  agent: string;
  note?: string | undefined;
  override?: { outcome: Outcome; justification: string; amount?: number | undefined } | undefined;
  /** What the live panel showed; the store refuses to record anything else. */
  seen: { outcome: Outcome; refundAmount: number | null };
  duplicateRefund?: { justification: string } | undefined;
}

/** The case's facts with one fact set, as the rules check them; an error names the field. */
function checkedFacts(ref: string, fact: FactKey, value: unknown): Facts {
  const shown = useCase.getState().detail;
  if (shown === null || shown.summary.ref !== ref) throw new Error(`${ref} is not loaded`);
  const checked = parseFacts(withFact(shown.facts, fact, value), Date.now());
  if (!checked.ok) throw new Error(`${checked.error.field}: ${checked.error.message}`);
  return checked.facts;
}

export const caseActions = {
  create: async (input: NewCase): Promise<CaseChange> => {
    const created = await call(api['cases.create'](input));
    useCase.getState().apply(created);
    return created;
  },
  updateFacts: (ref: string, facts: Facts, agent: string) =>
    change(ref, (revision) => api['cases.updateFacts']({ ref, revision, facts, agent })),
  /** Sets one fact the agent accepted from a customer's message, which the audit row names. */
  acceptFact: (ref: string, fact: FactKey, value: unknown, agent: string, message: number) => {
    const facts = checkedFacts(ref, fact, value);
    return change(ref, (revision) =>
      api['cases.updateFacts']({ ref, revision, facts, agent, source: { message } }),
    );
  },
  /** Sets one fact (or with undefined forgets it), checked as the rules check facts. */
  setFact: (ref: string, fact: FactKey, value: unknown, agent: string) => {
    const facts = checkedFacts(ref, fact, value);
    return change(ref, (revision) => api['cases.updateFacts']({ ref, revision, facts, agent }));
  },
  updateFields: (ref: string, fields: CaseFields, agent: string) =>
    change(ref, (revision) => api['cases.updateFields']({ ref, revision, fields, agent })),
  assign: (ref: string, assignee: string | null, agent: string) =>
    change(ref, (revision) => api['cases.assign']({ ref, revision, assignee, agent })),
  setStatus: (ref: string, status: CaseStatus, agent: string, reason?: string) =>
    change(ref, (revision) => api['cases.setStatus']({ ref, revision, status, agent, reason })),
  recordDecision: (ref: string, input: DecisionInput) =>
    change(ref, (revision) => api['decisions.record']({ ref, revision, ...input })),
  addNote: (ref: string, author: string, body: string) =>
    change(ref, () => api['notes.add']({ ref, author, body })),
  markReplySent: (ref: string, language: Language, body: string, agent: string) =>
    change(ref, (revision) => api['replies.markSent']({ ref, revision, language, body, agent })),
};
