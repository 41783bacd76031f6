import { counterfactualHints, decide, parseFacts, renderDecisionText } from '../../shared/policy';
import { defineCommand } from '../command';
import { BadInputError } from '../errors';
import { json, readJsonInput } from '../io';
import { EXPLAIN_OPTIONS, language } from './language';
import { POLICY_OPTION, policyOption } from './policy';

export default defineCommand({
  args: 'FILE|-',
  arity: [1, 1],
  summary:
    'Decide a refund request from its facts (JSON, or - for standard input); --explain adds what ' +
    'would change the outcome.',
  options: {
    ...EXPLAIN_OPTIONS,
    ...POLICY_OPTION,
    trace: {
      type: 'boolean',
      help: 'add the trace: each rule checked, the facts it read, what it concluded',
    },
  },
  usesStore: false,
  async run({ positionals: [file], options, io }) {
    const lang = language(options.lang);
    const policy = await policyOption(options.policy, io);
    const now = Date.now();
    const facts = parseFacts(await readJsonInput(io, file!), now);
    if (!facts.ok) throw new BadInputError(`${facts.error.field}: ${facts.error.message}`);
    const judging = { now, language: lang, ...(policy && { policy }) };
    const decision = decide(facts.facts, { ...judging, trace: options.trace === true });
    io.stdout(
      options.explain === true
        ? renderDecisionText(decision, lang, counterfactualHints(facts.facts, judging))
        : json(decision),
    );
  },
});
