import {
  explainUsage,
  formatInputError,
  parseUsageInput,
  renderUsageText,
} from '../../shared/policy/rtc-usage';
import { languageFlag, parseArgs, UsageError, type ParsedArgs } from '../args';
import { EXIT, readJsonInput, type CliIo } from '../io';

const COMMAND = 'refund-console explain-usage';
const USAGE = `usage: ${COMMAND} FILE|- [--explain] [--lang en|zh]`;
const KNOWN_FLAGS = new Set(['explain', 'lang']);

/** parseArgs takes any flag; this command refuses what it does not know. */
function checkShape(parsed: ParsedArgs): void {
  const unknownFlag = [...parsed.flags.keys()].find((name) => !KNOWN_FLAGS.has(name));
  if (unknownFlag !== undefined) throw new UsageError(`unknown option --${unknownFlag}`);
  const explain = parsed.flags.get('explain');
  if (explain !== undefined && explain !== true) throw new UsageError('--explain takes no value');
  if (parsed.positionals.length !== 1) {
    throw new UsageError('give exactly one FILE (or - for standard input)');
  }
}

/**
 * `refund-console explain-usage FILE|- [--explain] [--lang en|zh]`: which package each call drew
 * from, what was billed pay-as-you-go, and relay transcoding minutes per day and profile.
 * Prints JSON, or text with --explain. Exit 0, or 2 with one message on stderr when the
 * arguments or the input are wrong.
 */
export async function explainUsageCommand(args: string[], io: CliIo): Promise<number> {
  let parsed: ParsedArgs;
  let lang: 'en' | 'zh';
  try {
    parsed = parseArgs(args, ['lang']);
    checkShape(parsed);
    lang = languageFlag(parsed);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`${COMMAND}: ${error.message}\n${USAGE}\n`);
    return EXIT.badInput;
  }
  const input = await readJsonInput(io, parsed.positionals[0]);
  if (!input.ok) {
    io.stderr(`${COMMAND}: ${input.message}\n`);
    return EXIT.badInput;
  }
  const usageInput = parseUsageInput(input.value);
  if (!usageInput.ok) {
    io.stderr(`${COMMAND}: ${formatInputError(usageInput.error)}\n`);
    return EXIT.badInput;
  }
  const breakdown = explainUsage(usageInput.value);
  io.stdout(
    parsed.flags.has('explain')
      ? renderUsageText(breakdown, lang)
      : `${JSON.stringify(breakdown, null, 2)}\n`,
  );
  return EXIT.ok;
}
