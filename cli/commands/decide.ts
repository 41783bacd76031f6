import { decide, parseFacts, renderDecisionText } from '../../shared/policy';
import { defineCommand } from '../command';
import { BadInputError } from '../errors';
import { json, readJsonInput } from '../io';
import { EXPLAIN_OPTIONS, language } from './language';

export default defineCommand({
  args: 'FILE|-',
  arity: [1, 1],
  summary: 'Decide a refund request from its facts (JSON, or - for standard input).',
  options: EXPLAIN_OPTIONS,
  usesStore: false,
  async run({ positionals: [file], options, io }) {
    const lang = language(options.lang);
    const now = Date.now();
    const facts = parseFacts(await readJsonInput(io, file!), now);
    if (!facts.ok) throw new BadInputError(`${facts.error.field}: ${facts.error.message}`);
    const decision = decide(facts.facts, { now, language: lang });
    io.stdout(options.explain === true ? renderDecisionText(decision, lang) : json(decision));
  },
});
