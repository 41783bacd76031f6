import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS } from '../../shared/ipc/menu-commands';
import { routeForMenuCommand } from './menu-commands';

describe('desktop menu commands in the console', () => {
  it('opens the new-case screen for File → New case', () => {
    expect(routeForMenuCommand('case.new')).toEqual({ name: 'new' });
  });

  it('leaves the commands whose screens do not exist yet alone', () => {
    const unhandled = MENU_COMMANDS.filter((command) => routeForMenuCommand(command) === null);
    expect(unhandled).toEqual([
      'cases.import',
      'cases.export',
      'report.open',
      'help.rules',
      'help.shortcuts',
      'theme.system',
      'theme.light',
      'theme.dark',
    ]);
  });
});
