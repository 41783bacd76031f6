import { UsageError } from './args';
import { backupCommand, restoreCommand } from './commands/backup';
import { caseCommand } from './commands/case';
import { decideCommand } from './commands/decide';
import { explainUsageCommand } from './commands/explain-usage';
import { verifyAuditCommand } from './commands/verify-audit';
import { EXIT, processIo, type CliIo } from './io';

type Command = (args: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  decide: decideCommand,
  'explain-usage': explainUsageCommand,
  case: caseCommand,
  'verify-audit': verifyAuditCommand,
  backup: backupCommand,
  restore: restoreCommand,
};

const USAGE = `Usage: refund-console [--db PATH] <command> [options]

  decide FILE|- [--explain] [--lang en|zh]          decide a refund request from its facts (JSON)
  explain-usage FILE|- [--explain] [--lang en|zh]   which package each call drew from, and why

  case add FILE|-                                   open a case from JSON; prints its ref
  case decide REF [--agent NAME] [--note TEXT]      decide from the stored facts; prints the record
  case show REF [--json]                            one case with its decisions and notes
  case list [--status S[,S]] [--limit N] [--json]   the queue, soonest closing window first
  verify-audit                                      check the audit trail's hash chain
  backup [--to DIR]                                 a checked copy of the case store
  restore FILE                                      replace the case store with a checked backup

  The case store is --db PATH, else $REFUND_CONSOLE_DB, else
  $XDG_DATA_HOME/refund-console/cases.sqlite (~/.local/share/… when unset).
`;

/** `--db PATH` may come before the command; the store commands read it among their own args. */
function hoistDb(argv: string[]): string[] {
  const [first, second, ...rest] = argv;
  if (first === '--db' && second !== undefined && rest.length > 0)
    return [rest[0]!, first, second, ...rest.slice(1)];
  if (first?.startsWith('--db=') && second !== undefined) return [second, first, ...rest];
  return argv;
}

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = hoistDb(argv);
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout)(USAGE);
    return name === undefined ? EXIT.badInput : EXIT.ok;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    io.stderr(`refund-console: unknown command "${name}"\n\n${USAGE}`);
    return EXIT.badInput;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`refund-console ${name}: ${error.message}\n`);
      return EXIT.badInput;
    }
    throw error;
  }
}
