import { Menu, type MenuItemConstructorOptions } from 'electron';
import {
  buildMenuTemplate,
  buildProblemMenuTemplate,
  type MenuActions,
  type MenuOptions,
  type ProblemMenuActions,
} from './menu-template';

/** Installs the application menu built by menu-template.ts (rebuilt when language or theme change). */
export function installMenu(options: MenuOptions, actions: MenuActions): void {
  // MenuEntry is a subset of MenuItemConstructorOptions: tsc checks the assignment.
  const template: MenuItemConstructorOptions[] = buildMenuTemplate(options, actions);
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** The menu beside the store-problem page (menu-template.ts buildProblemMenuTemplate). */
export function installProblemMenu(
  options: Pick<MenuOptions, 'language' | 'platform'>,
  actions: ProblemMenuActions,
): void {
  const template: MenuItemConstructorOptions[] = buildProblemMenuTemplate(options, actions);
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
