/**
 * What the application menu asks the console page to do. The main process sends one of
 * these on MENU_COMMAND_CHANNEL; the preload passes on only these strings, and the page
 * decides what each means (open a screen, a dialog of its own).
 */
export const MENU_COMMANDS = [
  'case.new',
  'cases.import',
  'cases.export',
  'report.open',
  'help.rules',
  'help.shortcuts',
  'theme.system',
  'theme.light',
  'theme.dark',
] as const;

export type MenuCommand = (typeof MENU_COMMANDS)[number];

export const MENU_COMMAND_CHANNEL = 'menu-command';

export const isMenuCommand = (value: unknown): value is MenuCommand =>
  typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
