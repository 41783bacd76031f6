import { counterfactualHints, decide, parseFacts, renderDecisionText, wordingOf } from '../../shared/policy';
import { defineCommand } from '../command';
import { BadInputError, UsageError } from '../errors';
import { json, readJsonInput } from '../io';
import { EXPLAIN_OPTIONS, language } from './language';
import { POLICY_OPTION, policyOption } from './policy';

export default defineCommand({
  args: 'FILE|-',
  arity: [0, 1],
  summary:
    'Decide a refund request from its facts (JSON, or - for standard input), or a CSV of orders with ' +
    '--batch; --explain adds what would change the outcome.',
  options: {
    ...EXPLAIN_OPTIONS,
    ...POLICY_OPTION,
    trace: {
      type: 'boolean',
      help: 'add the trace: each rule checked, the facts it read, what it concluded',
    },
    batch: { type: 'string', value: 'CSV', help: 'decide every order of a CSV file, one output row each' },
    out: { type: 'string', value: 'FILE', help: 'with --batch: where to write (default: standard output)' },
    encoding: { type: 'string', value: 'NAME', help: 'with --batch: the file encoding (default: detected)' },
    'amount-unit': {
      type: 'string',
      value: 'yuan|fen',
      help: 'with --batch: amounts whose header does not say',
    },
    'excel-friendly': {
      type: 'boolean',
      help: 'with --batch: start the output with a UTF-8 byte order mark, for Excel',
    },
    workers: {
      type: 'string',
      value: 'N',
      help: 'with --batch: worker threads to decide on (default: one per core for a large file; 0: none)',
    },
  },
  usesStore: false,
  async run({ positionals: [file], options, io }) {
    if (options.batch !== undefined) {
      if (file !== undefined) throw new UsageError(`unexpected argument "${file}" with --batch`);
      // Loaded only for --batch, so deciding one request starts without the CSV modules.
      const { decideFile } = await import('./batch-decisions');
      const { batch, out, encoding, workers } = options;
      const excelFriendly = options['excel-friendly'] === true;
      const amountUnit = options['amount-unit'];
      return decideFile({ file: batch, out, encoding, amountUnit, excelFriendly, workers, io });
    }
    if (file === undefined) throw new UsageError('missing FILE|-');
    const lang = language(options.lang);
    const policy = await policyOption(options.policy, io);
    const now = Date.now();
    const facts = parseFacts(await readJsonInput(io, file), now);
    if (!facts.ok) throw new BadInputError(`${facts.error.field}: ${facts.error.message}`);
    const judging = { now, language: lang, ...(policy && { policy }) };
    const decision = decide(facts.facts, { ...judging, trace: options.trace === true });
    io.stdout(
      options.explain === true
        ? renderDecisionText(
            decision,
            lang,
            counterfactualHints(facts.facts, judging),
            wordingOf(decision, policy),
            facts.facts,
          )
        : json(decision),
    );
  },
});
