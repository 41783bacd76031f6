import { isGroup, type Command, type CommandEntry } from './command';
import { COMMANDS } from './commands';
import { CliError, EXIT, InternalError, messageOf, UsageError } from './errors';
import { commandHelp, programHelp } from './help';
import { processIo, type CliIo } from './io';
import { asksForHelp, parseCommandLine } from './parse';
import { terminalSafe } from './terminal-text';

interface Program {
  db: string | undefined;
  newStore: boolean;
  help: boolean;
  rest: string[];
}

/** The program's own options, before the command: `--db PATH`, `--new-store` and `--help`. */
function programOptions(argv: string[]): Program {
  const program: Program = { db: undefined, newStore: false, help: false, rest: argv };
  let i = 0;
  for (; i < argv.length && argv[i]!.startsWith('-'); i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') program.help = true;
    else if (arg === '--new-store') program.newStore = true;
    else if (arg.startsWith('--db=')) program.db = arg.slice('--db='.length);
    else if (arg === '--db') {
      program.db = argv[++i];
      if (program.db === undefined) throw new UsageError('--db needs a value');
    } else throw new UsageError(`unknown option ${arg}`);
  }
  program.rest = argv.slice(i);
  return program;
}

type Found = { label: string; command: Command; args: string[] } | { label: string; help: string };

/** The command (or `case` subcommand) a command line names, with its own arguments. */
async function findCommand({ name, load }: CommandEntry, rest: string[]): Promise<Found> {
  const loaded = (await load()).default;
  if (!isGroup(loaded)) return { label: name, command: loaded, args: rest };
  const [subName, ...args] = rest;
  if (subName === undefined)
    throw new UsageError(`missing subcommand: ${namesOf(Object.keys(loaded.subcommands))}`);
  if (subName === '--help' || subName === '-h') return { label: name, help: commandHelp(name, loaded) };
  const command = Object.hasOwn(loaded.subcommands, subName) ? loaded.subcommands[subName] : undefined;
  if (command === undefined) throw new UsageError(`unknown subcommand "${subName}"`);
  return { label: `${name} ${subName}`, command, args };
}

/** Runs one command line; every failure becomes one line on stderr and its exit code. */
export async function main(argv: string[], rawIo: CliIo = processIo): Promise<number> {
  const io: CliIo = {
    readInput: (path) => rawIo.readInput(path),
    readBytes: (path) => rawIo.readBytes(path),
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
    const found = await findCommand(entry, rest);
    label = found.label;
    if ('help' in found) {
      io.stdout(found.help);
      return EXIT.ok;
    }
    const { command, args } = found;
    if (asksForHelp(args)) {
      io.stdout(commandHelp(label, command));
      return EXIT.ok;
    }
    const parsed = parseCommandLine(command, args);
    const laterDb = parsed.values.db as string | undefined;
    if (program.db !== undefined && !command.usesStore)
      throw new UsageError(`--db does not apply: ${label} does not use a case store`);
    if (program.db !== undefined && laterDb !== undefined) throw new UsageError('--db is given twice');
    if (program.newStore && !command.usesStore)
      throw new UsageError(`--new-store does not apply: ${label} does not use a case store`);
    await command.run({
      positionals: parsed.positionals,
      options: parsed.values,
      db: program.db ?? laterDb,
      newStore: program.newStore,
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
