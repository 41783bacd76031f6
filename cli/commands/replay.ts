import { lastCaseId, streamCasesForReplay } from '../../electron/store';
import { PRODUCT_TYPES, type ProductType } from '../../shared/model/facts';
import { formatMinorUnits } from '../../shared/model/money';
import {
  parseInstant,
  replayRows,
  type DecisionGist,
  type ReplayCause,
  type ReplayResult,
} from '../../shared/policy';
import { defineCommand } from '../command';
import { UsageError } from '../errors';
import { json } from '../io';
import { POLICY_OPTION, policyOption } from './policy';
import { count, progressLine } from './progress';
import { withStore } from './with-store';

function instantOption(name: 'since' | 'until', text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  try {
    return parseInstant(text);
  } catch {
    throw new UsageError(`--${name} must be an ISO 8601 date-time with a UTC offset`);
  }
}

function kindOption(kind: string | undefined): ProductType | undefined {
  if (kind !== undefined && !(PRODUCT_TYPES as readonly string[]).includes(kind)) {
    throw new UsageError(`--kind must be one of ${PRODUCT_TYPES.join(', ')}`);
  }
  return kind as ProductType | undefined;
}

const describeGist = (gist: DecisionGist) => {
  const amount =
    gist.refundAmount === null
      ? ''
      : ` ${gist.currency} ${formatMinorUnits(gist.refundAmount, gist.currency)}`;
  return `${gist.outcome}${amount} [${gist.clauses.join(', ')}] (${gist.policyVersion}/${gist.policyRevision})`;
};

type Changed = Extract<ReplayResult, { change: 'changed' }>;

/** Why the case would change: its facts since the decision, the revision replayed, or both. */
const describeCause = (cause: ReplayCause, under: string) =>
  ({
    facts: 'facts changed since the decision',
    revision: `${under} judges it otherwise`,
    facts_and_revision: `facts changed since the decision, and ${under} judges it otherwise`,
  })[cause];
type Invalid = Extract<ReplayResult, { change: 'invalid' }>;

/**
 * Judges every stored case (last changed in [since, until), of the kind) again under the
 * revision or draft, and lists those whose outcome, amount or clauses would change. It only
 * reads the store: a recorded decision is never rewritten.
 */
export default defineCommand({
  args: '',
  arity: [0, 0],
  summary:
    'Judge every stored case again under a revision or a draft and list those whose outcome, ' +
    'amount or clauses would change, before and after. Read-only.',
  options: {
    ...POLICY_OPTION,
    since: { type: 'string', value: 'ISO', help: 'only cases last changed at or after this instant' },
    until: { type: 'string', value: 'ISO', help: 'only cases last changed before this instant' },
    kind: { type: 'string', value: 'KIND', help: `only this product kind (${PRODUCT_TYPES.join(', ')})` },
    json: { type: 'boolean', help: 'the report as JSON' },
  },
  usesStore: true,
  async run({ db, newStore, options, io }) {
    const policy = await policyOption(options.policy, io);
    if (policy === undefined) throw new UsageError('--policy REV|FILE is required (e.g. --policy v1.1)');
    const filter = {
      since: instantOption('since', options.since),
      until: instantOption('until', options.until),
      kind: kindOption(options.kind),
    };
    await withStore({ db, newStore }, async ({ store }) => {
      const under = { version: policy.version, revision: policy.revision };
      const text = options.json !== true;
      const through = lastCaseId(store);
      const progress = progressLine();
      let judged = 0;
      let changes = 0;
      // The JSON report is one document; the text report is written as the changes are found.
      const changed: Changed[] = [];
      const invalid: Invalid[] = [];
      if (text) io.stdout(`Stored cases that ${under.version}/${under.revision} would judge otherwise:\n`);
      for (const { row, result } of replayRows(streamCasesForReplay(store, filter), policy)) {
        judged++;
        if (judged % 4096 === 0) {
          progress.show(`replay: ${count(judged)} cases judged, ${Math.floor((100 * row.id) / through)}%`);
        }
        if (result.change === 'invalid') invalid.push(result);
        if (result.change !== 'changed') continue;
        changes++;
        if (text)
          io.stdout(
            `  ${result.ref}  ${describeGist(result.before)}\n      -> ${describeGist(result.after)}\n` +
              `      ${describeCause(result.cause, `${under.version}/${under.revision}`)}\n`,
          );
        else changed.push(result);
      }
      progress.done();
      if (!text) {
        io.stdout(json({ policy: under, judged, changed, invalid }));
        return;
      }
      const lines = [
        `Judged ${judged} stored cases again under ${under.version}/${under.revision}; ${changes} would change.`,
      ];
      if (invalid.length > 0) {
        lines.push(
          `${invalid.length} cannot be judged: their stored facts are invalid now.`,
          ...invalid.map((c) => `  ${c.ref}  ${c.field}: ${c.problem}`),
        );
      }
      lines.push('No recorded decision was changed.');
      io.stdout(`${lines.join('\n')}\n`);
    });
  },
});
