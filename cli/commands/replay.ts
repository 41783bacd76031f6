import { streamCasesForReplay } from '../../electron/store';
import { PRODUCT_TYPES, type ProductType } from '../../shared/model/facts';
import { formatMinorUnits } from '../../shared/model/money';
import { parseInstant, replayRows, type DecisionGist, type ReplayResult } from '../../shared/policy';
import { defineCommand } from '../command';
import { UsageError } from '../errors';
import { json } from '../io';
import { POLICY_OPTION, policyOption } from './policy';
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
      let judged = 0;
      const changed: Changed[] = [];
      const invalid: Invalid[] = [];
      for (const { result } of replayRows(streamCasesForReplay(store, filter), policy)) {
        judged++;
        if (result.change === 'changed') changed.push(result);
        else if (result.change === 'invalid') invalid.push(result);
      }
      const under = { version: policy.version, revision: policy.revision };
      if (options.json === true) {
        io.stdout(json({ policy: under, judged, changed, invalid }));
        return;
      }
      const lines = [
        `Judged ${judged} stored cases again under ${under.version}/${under.revision}; ${changed.length} would change.`,
        ...changed.map((c) => `  ${c.ref}  ${describeGist(c.before)}\n      -> ${describeGist(c.after)}`),
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
