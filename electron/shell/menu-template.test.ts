import { describe, expect, it, vi } from 'vitest';
import { LANGUAGES } from '../../shared/model/languages';
import {
  buildMenuTemplate,
  buildProblemMenuTemplate,
  CONSOLE_KEYS,
  themeOfCommand,
  type MenuEntry,
  type MenuOptions,
} from './menu-template';
import { MENU_TEXT } from './menu-text';

const actions = () => ({
  send: vi.fn(),
  backupNow: vi.fn(),
  print: vi.fn(),
  openLogsFolder: vi.fn(),
  showAbout: vi.fn(),
});
const options = (over: Partial<MenuOptions> = {}): MenuOptions => ({
  language: 'en',
  platform: 'linux',
  theme: 'system',
  development: false,
  ...over,
});

const items = (entries: MenuEntry[]): MenuEntry[] =>
  entries.flatMap((entry) => [entry, ...items(entry.submenu ?? [])]);
const find = (entries: MenuEntry[], label: string) => items(entries).find((entry) => entry.label === label)!;
const topLabels = (entries: MenuEntry[]) => entries.map((entry) => entry.label);
/** Accelerators compared as a user presses them: Ctrl on Linux/Windows, Cmd on macOS. */
const normalise = (accelerator: string, mac: boolean) =>
  accelerator
    .replace('CmdOrCtrl', mac ? 'Cmd' : 'Ctrl')
    .split('+')
    .map((key) => key.toUpperCase())
    .sort()
    .join('+');

describe('the application menu', () => {
  it('has File, Edit, View and Help on Linux and Windows, with Quit and About inside', () => {
    const menu = buildMenuTemplate(options(), actions());
    expect(topLabels(menu)).toEqual(['&File', '&Edit', '&View', '&Help']);
    expect(find(menu, 'Quit').role).toBe('quit');
    expect(find(menu, 'About Refund Console')).toBeDefined();
  });

  it('moves About and Quit to the application menu on macOS, and adds Window', () => {
    const menu = buildMenuTemplate(options({ platform: 'darwin' }), actions());
    expect(topLabels(menu)).toEqual(['Refund Console', '&File', '&Edit', '&View', '&Window', '&Help']);
    expect(items(menu[1]!.submenu!).some((entry) => entry.role === 'quit')).toBe(false);
    expect(items(menu[0]!.submenu!).map((entry) => entry.label)).toContain('About Refund Console');
  });

  it('gives macOS Close (⌘W) in File, Services, Hide and Show all in the application menu', () => {
    const menu = buildMenuTemplate(options({ platform: 'darwin' }), actions());
    expect(find(menu, 'Close window')).toMatchObject({ role: 'close', accelerator: 'Cmd+W' });
    expect(items(menu[1]!.submenu!)).toContainEqual(expect.objectContaining({ role: 'close' }));
    expect(menu[0]!.submenu!.map((entry) => entry.role)).toEqual(
      expect.arrayContaining(['services', 'hide', 'hideOthers', 'unhide', 'quit']),
    );
    expect(items(buildMenuTemplate(options(), actions())).map((entry) => entry.role)).not.toContain('close');
  });

  it('prints on Ctrl+P, as the README promises, and opens Report… on Ctrl+Shift+P', () => {
    const spy = actions();
    const menu = buildMenuTemplate(options(), spy);
    expect(find(menu, 'Print…').accelerator).toBe('CmdOrCtrl+P');
    expect(find(menu, 'Report…').accelerator).toBe('CmdOrCtrl+Shift+P');
    find(menu, 'Print…').click!();
    expect(spy.print).toHaveBeenCalledOnce();
  });

  it('sends the page its commands, and runs the main-process actions', () => {
    const spy = actions();
    const menu = buildMenuTemplate(options(), spy);
    const expected: [string, string][] = [
      ['New case', 'case.new'],
      ['Import…', 'cases.import'],
      ['Export…', 'cases.export'],
      ['Report…', 'report.open'],
      ['The rule book', 'help.rules'],
      ['Keyboard shortcuts', 'help.shortcuts'],
      ['Dark', 'theme.dark'],
    ];
    for (const [label, command] of expected) {
      find(menu, label).click!();
      expect(spy.send).toHaveBeenLastCalledWith(command);
    }
    find(menu, 'Back up now').click!();
    find(menu, 'Open logs folder').click!();
    find(menu, 'About Refund Console').click!();
    expect(spy.backupNow).toHaveBeenCalledOnce();
    expect(spy.openLogsFolder).toHaveBeenCalledOnce();
    expect(spy.showAbout).toHaveBeenCalledOnce();
  });

  it('ticks the current theme', () => {
    const menu = buildMenuTemplate(options({ theme: 'light' }), actions());
    expect(find(menu, 'Theme').submenu!.map((entry) => [entry.label, entry.checked])).toEqual([
      ['As the system', false],
      ['Light', true],
      ['Dark', false],
    ]);
  });

  it('reads the theme a command picks', () => {
    expect(themeOfCommand('theme.dark')).toBe('dark');
    expect(themeOfCommand('theme.system')).toBe('system');
    expect(themeOfCommand('case.new')).toBeNull();
  });

  it('offers zoom as the roles that zoom the page', () => {
    const roles = items(buildMenuTemplate(options(), actions())).map((entry) => entry.role);
    expect(roles).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom']));
  });

  it('has reload and developer tools only when run for development', () => {
    const roles = (development: boolean) =>
      items(buildMenuTemplate(options({ development }), actions())).map((entry) => entry.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']));
  });

  it('is in Chinese when the console is, with every label translated', () => {
    const zh = buildMenuTemplate(options({ language: 'zh' }), actions());
    expect(topLabels(zh)).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '帮助(&H)']);
    expect(find(zh, '新建案件')).toBeDefined();
    const english = new Set(Object.values(MENU_TEXT.en));
    const labels = items(zh).flatMap((entry) => (entry.label === undefined ? [] : [entry.label]));
    expect(labels.filter((label) => english.has(label))).toEqual([]);
  });

  describe.each(['linux', 'darwin'] as const)('beside the store-problem page (%s)', (platform) => {
    const openLogsFolder = vi.fn();
    const menu = buildProblemMenuTemplate({ language: 'en', platform }, { openLogsFolder });

    it("replaces Electron's default menu: no reload, no developer tools, nothing that opens a website", () => {
      const entries = items(menu);
      expect(entries.map((entry) => entry.role)).not.toEqual(
        expect.arrayContaining([expect.stringMatching(/reload|toggleDevTools|forceReload/)]),
      );
      // Every entry is ours: a labelled role, a click of ours, a submenu or a separator.
      expect(entries.filter((entry) => entry.type !== 'separator' && entry.label === undefined)).toEqual([]);
    });

    it('still copies the details, opens the logs folder and quits', () => {
      expect(items(menu).map((entry) => entry.role)).toEqual(expect.arrayContaining(['copy', 'quit']));
      find(menu, 'Open logs folder').click!();
      expect(openLogsFolder).toHaveBeenCalledOnce();
    });
  });

  describe.each(
    LANGUAGES.flatMap((language) =>
      (['linux', 'win32', 'darwin'] as const).map((platform) => ({ language, platform })),
    ),
  )('accelerators ($language, $platform)', ({ language, platform }) => {
    const mac = platform === 'darwin';
    const accelerators = items(
      buildMenuTemplate(options({ language, platform, development: true }), actions()),
    ).flatMap((entry) => (entry.accelerator === undefined ? [] : [normalise(entry.accelerator, mac)]));

    it('take none of the console’s own keys', () => {
      const taken = new Set(CONSOLE_KEYS.map((key) => normalise(key, mac)));
      expect(accelerators.filter((accelerator) => taken.has(accelerator))).toEqual([]);
    });

    it('each need a modifier or a function key, so typing in the console never triggers one', () => {
      expect(accelerators.filter((accelerator) => !/CTRL|CMD|ALT|^F\d+$/.test(accelerator))).toEqual([]);
    });

    it('are each used once', () => {
      expect(new Set(accelerators).size).toBe(accelerators.length);
    });
  });
});
