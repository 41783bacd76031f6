import { isGroup, type Command } from './command';
import { COMMANDS } from './commands';
import { CliError, EXIT, InternalError, messageOf, UsageError } from './errors';
import { commandHelp, programHelp } from './help';
import { processIo, type CliIo } from './io';
import { asksForHelp, parseCommandLine } from './parse';
import { terminalSafe } from './terminal-text';

interface Program {
  db: string | undefined;
  help: boolean;
  rest: string[];
}

/** The program's own options, before the command: `--db PATH` and `--help`. */
function programOptions(argv: string[]): Program {
  const program: Program = { db: undefined, help: false, rest: argv };
  let i = 0;
  for (; i < argv.length && argv[i]!.startsWith('-'); i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') program.help = true;
    else if (arg.startsWith('--db=')) program.db = arg.slice('--db='.length);
    else if (arg === '--db') {
      program.db = argv[++i];
      if (program.db === undefined) throw new UsageError('--db needs a value');
    } else throw new UsageError(`unknown option ${arg}`);
  }
  program.rest = argv.slice(i);
  return program;
}

/** Runs one command line; every failure becomes one line on stderr and its exit code. */
export async function main(argv: string[], rawIo: CliIo = processIo): Promise<number> {
  const io: CliIo = {
    readInput: (path) => rawIo.readInput(path),
    stdout: (text) => rawIo.stdout(terminalSafe(text)),
    stderr: (text) => rawIo.stderr(terminalSafe(text)),
  };
  let label = '';
  try {
    const program = programOptions(argv);
    const [name, ...rest] = program.rest;
    if (program.help || name === 'help') {
      io.stdout(programHelp(COMMANDS));
      return EXIT.ok;
    }
    if (name === undefined) throw new UsageError(`missing command: ${namesOf(COMMANDS.map((c) => c.name))}`);
    const entry = COMMANDS.find((command) => command.name === name);
    if (entry === undefined) throw new UsageError(`unknown command "${name}"`);
    label = name;
    const loaded = (await entry.load()).default;
    let command: Command;
    let args = rest;
    if (isGroup(loaded)) {
      const [subName, ...subArgs] = rest;
      if (subName === undefined)
        throw new UsageError(`missing subcommand: ${namesOf(Object.keys(loaded.subcommands))}`);
      if (subName === '--help' || subName === '-h') {
        io.stdout(commandHelp(label, loaded));
        return EXIT.ok;
      }
      const sub = Object.hasOwn(loaded.subcommands, subName) ? loaded.subcommands[subName] : undefined;
      if (sub === undefined) throw new UsageError(`unknown subcommand "${subName}"`);
      label = `${name} ${subName}`;
      command = sub;
      args = subArgs;
    } else command = loaded;
    if (asksForHelp(args)) {
      io.stdout(commandHelp(label, command));
      return EXIT.ok;
    }
    const parsed = parseCommandLine(command, args);
    const laterDb = parsed.values.db as string | undefined;
    if (program.db !== undefined && !command.usesStore)
      throw new UsageError(`--db does not apply: ${label} does not use a case store`);
    if (program.db !== undefined && laterDb !== undefined) throw new UsageError('--db is given twice');
    await command.run({
      positionals: parsed.positionals,
      options: parsed.values,
      db: program.db ?? laterDb,
      io,
    });
    return EXIT.ok;
  } catch (error) {
    return report(error, label, io);
  }
}

const namesOf = (names: string[]) => `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;

function report(error: unknown, label: string, io: CliIo): number {
  const failure =
    error instanceof CliError ? error : new InternalError(`internal error: ${messageOf(error)}`);
  const debug = process.env.REFUND_CONSOLE_DEBUG === '1';
  const hint =
    failure instanceof UsageError
      ? ` (see refund-console${label === '' ? '' : ` ${label}`} --help)`
      : failure instanceof InternalError && !debug
        ? ' (REFUND_CONSOLE_DEBUG=1 shows where)'
        : '';
  const oneLine = failure.message.replace(/\s*\n\s*/g, ' ');
  io.stderr(`refund-console${label === '' ? '' : ` ${label}`}: ${oneLine}${hint}\n`);
  if (debug && failure instanceof InternalError && error instanceof Error && error.stack !== undefined)
    io.stderr(`${error.stack}\n`);
  return failure.exitCode;
}
