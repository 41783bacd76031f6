import { parseArgs } from 'node:util';
import type { Command, OptionSpecs } from './command';
import { UsageError } from './errors';

const HELP: OptionSpecs = { help: { type: 'boolean', short: 'h', help: 'show this help' } };
const DB: OptionSpecs = {
  db: { type: 'string', value: 'PATH', help: 'the case store (else $REFUND_CONSOLE_DB, else the default)' },
};

/** Every option a command accepts, --help and (for store commands) --db included. */
export function optionsOf(command: Command): OptionSpecs {
  return { ...command.options, ...(command.usesStore ? DB : {}), ...HELP };
}

/** `--help` anywhere before a `--` asks for help, whatever else the line holds. */
export function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

/** Strict parse: an unknown option, a missing value or a value given to a switch is a UsageError. */
export function parseCommandLine(command: Command, args: string[]) {
  let parsed;
  try {
    parsed = parseArgs({ args, options: optionsOf(command), strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
  const [fewest, most] = command.arity;
  const count = parsed.positionals.length;
  if (count < fewest) throw new UsageError(`missing ${command.args}`);
  if (count > most) throw new UsageError(`unexpected argument "${parsed.positionals[most]}"`);
  return parsed;
}

// node:util's messages are long and written for programmers; the CLI names the option instead.
function describeParseError(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-[^' ]*)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /does not take an argument/.test(message) ? `${option} takes no value` : `${option} needs a value`;
  }
  return message;
}
