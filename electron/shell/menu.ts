import { Menu, type MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate, type MenuActions, type MenuOptions } from './menu-template';

/** Installs the application menu built by menu-template.ts (rebuilt when language or theme change). */
export function installMenu(options: MenuOptions, actions: MenuActions): void {
  // MenuEntry is a subset of MenuItemConstructorOptions: tsc checks the assignment.
  const template: MenuItemConstructorOptions[] = buildMenuTemplate(options, actions);
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
