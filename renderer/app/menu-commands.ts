import type { MenuCommand } from '../../shared/ipc/menu-commands';
import type { ThemeChoice } from '../../shared/model/settings';
import type { Route } from '../state/route-path';

/**
 * The screen a desktop menu command opens, or null for commands that open none here: the theme,
 * export (a dialog over the queue, opened by the caller), and those whose screens do not exist
 * yet (report, the rule book, the shortcuts list).
 */
export function routeForMenuCommand(command: MenuCommand): Route | null {
  if (command === 'case.new') return { name: 'new' };
  if (command === 'cases.import') return { name: 'import' };
  return null;
}

const THEMES: Partial<Record<MenuCommand, ThemeChoice>> = {
  'theme.system': 'system',
  'theme.light': 'light',
  'theme.dark': 'dark',
};

/** The theme View → Theme picks, or null for any other command. */
export const themeForMenuCommand = (command: MenuCommand): ThemeChoice | null => THEMES[command] ?? null;
