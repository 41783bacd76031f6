import {
  explainUsage,
  formatInputError,
  parseUsageInput,
  renderUsageText,
} from '../../shared/policy/rtc-usage';
import { defineCommand } from '../command';
import { BadInputError } from '../errors';
import { json, readJsonInput } from '../io';
import { EXPLAIN_OPTIONS, language } from './language';
import { POLICY_OPTION, policyOption } from './policy';

export default defineCommand({
  args: 'FILE|-',
  arity: [1, 1],
  summary:
    'Which package each call drew from, what was billed pay-as-you-go, and relay transcoding ' +
    'minutes per day and profile.',
  options: { ...EXPLAIN_OPTIONS, ...POLICY_OPTION },
  usesStore: false,
  async run({ positionals: [file], options, io }) {
    const lang = language(options.lang);
    const policy = await policyOption(options.policy, io);
    const input = parseUsageInput(await readJsonInput(io, file!));
    if (!input.ok) throw new BadInputError(formatInputError(input.error));
    const breakdown = explainUsage(input.value, policy);
    io.stdout(options.explain === true ? renderUsageText(breakdown, lang) : json(breakdown));
  },
});
