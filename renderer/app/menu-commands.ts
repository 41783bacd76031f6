import type { MenuCommand } from '../../shared/ipc/menu-commands';
import type { Route } from '../state/route-path';

/**
 * The screen a desktop menu command opens, or null for commands whose screens do not exist
 * yet (import, export, report, the rule book, the shortcuts list, the theme).
 */
export function routeForMenuCommand(command: MenuCommand): Route | null {
  return command === 'case.new' ? { name: 'new' } : null;
}
