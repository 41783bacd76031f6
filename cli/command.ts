import type { CliIo } from './io';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** How help names a string option's value: PATH, en|zh. */
  value?: string;
  help: string;
  /** The option may be given more than once; its value is then every one given, in order. */
  multiple?: boolean;
}

export type OptionSpecs = Record<string, OptionSpec>;

type OneValue<Type> = Type extends 'string' ? string : boolean;
type ValueOf<Type, Multiple> = Multiple extends true ? OneValue<Type>[] : OneValue<Type>;

export type OptionValues<O extends OptionSpecs> = {
  [K in keyof O]?: ValueOf<O[K]['type'], O[K]['multiple']>;
};

export interface Invocation<O extends OptionSpecs> {
  positionals: string[];
  options: OptionValues<O>;
  /** The case store named by --db (before or after the command); only for store commands. */
  db: string | undefined;
  /** --new-store: start a new store where a missing one left backups (only for store commands). */
  newStore: boolean;
  io: CliIo;
}

/** One command: what help says about it and what it does. Failures are thrown `CliError`s. */
export interface Command<O extends OptionSpecs = OptionSpecs> {
  /** The positional part of its usage line, e.g. "FILE|-". */
  args: string;
  /** How many positionals it takes: [fewest, most]. */
  arity: [number, number];
  summary: string;
  options: O;
  /** It opens the case store, so --db applies. */
  usesStore: boolean;
  run(call: Invocation<O>): Promise<void>;
}

/** A command with subcommands (`case add`, `case show` …). */
export interface CommandGroup {
  summary: string;
  subcommands: Record<string, Command>;
}

/** Declares a command with its option types checked against `run`. */
export const defineCommand = <O extends OptionSpecs>(command: Command<O>): Command =>
  command as unknown as Command;

export const isGroup = (command: Command | CommandGroup): command is CommandGroup => 'subcommands' in command;

/** A line of the command table: enough for the program's help without loading the command. */
export interface CommandEntry {
  name: string;
  summary: string;
  load: () => Promise<{ default: Command | CommandGroup }>;
}
