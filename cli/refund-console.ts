import { UsageError } from './args';
import { decideCommand } from './commands/decide';
import { explainUsageCommand } from './commands/explain-usage';
import { EXIT, processIo, type CliIo } from './io';

type Command = (args: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  decide: decideCommand,
  'explain-usage': explainUsageCommand,
};

const USAGE = `Usage: refund-console <command> [options]

  decide FILE|- [--explain] [--lang en|zh]          decide a refund request from its facts (JSON)
  explain-usage FILE|- [--explain] [--lang en|zh]   which package each call drew from, and why
`;

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
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
