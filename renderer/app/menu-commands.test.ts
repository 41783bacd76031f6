import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS } from '../../shared/ipc/menu-commands';
import { routeForMenuCommand, themeForMenuCommand } from './menu-commands';

describe('desktop menu commands in the console', () => {
  it('opens the new-case screen for File → New case', () => {
    expect(routeForMenuCommand('case.new')).toEqual({ name: 'new' });
  });

  it('picks the theme for View → Theme, and no theme for other commands', () => {
    expect(themeForMenuCommand('theme.system')).toBe('system');
    expect(themeForMenuCommand('theme.light')).toBe('light');
    expect(themeForMenuCommand('theme.dark')).toBe('dark');
    expect(themeForMenuCommand('case.new')).toBeNull();
  });

  it('opens the Import screen for File → Import…', () => {
    expect(routeForMenuCommand('cases.import')).toEqual({ name: 'import' });
  });

  it('leaves the commands whose screens do not exist yet alone', () => {
    const unhandled = MENU_COMMANDS.filter(
      (command) => routeForMenuCommand(command) === null && themeForMenuCommand(command) === null,
    );
    expect(unhandled).toEqual(['cases.export', 'report.open', 'help.rules', 'help.shortcuts']);
  });
});
