/**
 * What the desktop app's menu asks the console page to do: the one message the main process
 * sends the page. The Electron shell sends one of these on MENU_COMMAND_CHANNEL; its preload
 * passes on only these strings, and the page decides what each means (a screen, a dialog).
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
