import { isGroup, type Command, type CommandEntry, type CommandGroup, type OptionSpecs } from './command';
import { optionsOf } from './parse';

const columns = (rows: [string, string][]): string => {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}\n`).join('');
};

function optionRows(options: OptionSpecs): [string, string][] {
  return Object.entries(options).map(([name, spec]) => [
    `${spec.short === undefined ? '    ' : `-${spec.short}, `}--${name}${spec.value === undefined ? '' : ` ${spec.value}`}`,
    spec.multiple === true ? `${spec.help} (repeatable)` : spec.help,
  ]);
}

export const STORE_NOTE =
  'The case store is --db PATH (before or after the command), else $REFUND_CONSOLE_DB, else\n' +
  '$XDG_DATA_HOME/refund-console/cases.sqlite (~/.local/share/… when unset). A missing or\n' +
  'empty store beside backups of it is refused; --new-store (before the command) starts a\n' +
  'new one there anyway.\n';

export const EXIT_NOTE =
  'Exit status: 0 ok, 1 a check failed, 2 bad input or usage, 3 the case store cannot be used\n' +
  '(damaged, locked, newer, unreadable), 70 an internal error.\n';

export function programHelp(commands: readonly CommandEntry[]): string {
  return (
    'Usage: refund-console [--db PATH] [--new-store] <command> [options]\n\n' +
    columns(commands.map((entry) => [entry.name, entry.summary])) +
    '\nrefund-console <command> --help lists its options.\n\n' +
    STORE_NOTE +
    '\n' +
    EXIT_NOTE
  );
}

export function commandHelp(label: string, command: Command | CommandGroup): string {
  if (isGroup(command)) {
    return (
      `Usage: refund-console ${label} <subcommand> [options]\n\n${command.summary}\n\n` +
      columns(Object.entries(command.subcommands).map(([name, sub]) => [name, sub.summary])) +
      `\nrefund-console ${label} <subcommand> --help lists its options.\n`
    );
  }
  return (
    `Usage: refund-console ${label}${command.args === '' ? '' : ` ${command.args}`} [options]\n\n` +
    `${command.summary}\n\nOptions:\n${columns(optionRows(optionsOf(command)))}` +
    (command.usesStore ? `\n${STORE_NOTE}` : '')
  );
}
