import type { Language } from '../../shared/model/languages';
import type { MenuCommand } from '../../shared/ipc/menu-commands';
import { MENU_TEXT, type MenuText } from './menu-text';

/**
 * The application menu as plain data: built here from (language, platform, actions) so it is
 * tested without Electron; menu.ts hands it to Menu.buildFromTemplate. The shapes are the
 * subset of Electron's MenuItemConstructorOptions this menu uses.
 */
export type MenuRole =
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'zoomIn'
  | 'zoomOut'
  | 'resetZoom'
  | 'togglefullscreen'
  | 'toggleDevTools'
  | 'reload'
  | 'quit'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'services'
  | 'minimize'
  | 'close'
  | 'front'
  | 'about';

export interface MenuEntry {
  label?: string;
  role?: MenuRole;
  accelerator?: string;
  type?: 'separator' | 'radio';
  checked?: boolean;
  submenu?: MenuEntry[];
  click?: () => void;
}

export type Theme = 'system' | 'light' | 'dark';

const THEME_COMMANDS: Record<Theme, MenuCommand> = {
  system: 'theme.system',
  light: 'theme.light',
  dark: 'theme.dark',
};

/** The theme a menu command picks, or null for a command that picks none. */
export const themeOfCommand = (command: MenuCommand): Theme | null =>
  (Object.keys(THEME_COMMANDS) as Theme[]).find((theme) => THEME_COMMANDS[theme] === command) ?? null;

export interface MenuActions {
  /** A command for the console page (menu-commands.ts). */
  send(command: MenuCommand): void;
  backupNow(): void;
  /** The system's print dialog for the screen shown (the page's print styles apply). */
  print(): void;
  openLogsFolder(): void;
  showAbout(): void;
}

/** What the menu can still do while the store-problem page is shown: no console behind it. */
export type ProblemMenuActions = Pick<MenuActions, 'openLogsFolder'>;

export interface MenuOptions {
  language: Language;
  platform: NodeJS.Platform;
  theme: Theme;
  /** Reload and developer tools, for `npm start` only: never in a packaged app. */
  development: boolean;
}

/**
 * The console's own keys, which no menu accelerator may take: Ctrl/⌘+K (command palette),
 * Ctrl/⌘+Enter (record a decision) and the bare keys of the screens (/, n, j, k, d, r, c, Esc).
 */
export const CONSOLE_KEYS = ['CmdOrCtrl+K', 'CmdOrCtrl+Enter', '/', 'N', 'J', 'K', 'D', 'R', 'C', 'Escape'];

const separator: MenuEntry = { type: 'separator' };

function fileMenu(text: MenuText, actions: MenuActions, mac: boolean): MenuEntry {
  const submenu: MenuEntry[] = [
    { label: text.newCase, accelerator: 'CmdOrCtrl+N', click: () => actions.send('case.new') },
    separator,
    { label: text.import, accelerator: 'CmdOrCtrl+O', click: () => actions.send('cases.import') },
    { label: text.export, accelerator: 'CmdOrCtrl+Shift+E', click: () => actions.send('cases.export') },
    { label: text.report, accelerator: 'CmdOrCtrl+Shift+P', click: () => actions.send('report.open') },
    separator,
    { label: text.print, accelerator: 'CmdOrCtrl+P', click: actions.print },
    { label: text.backupNow, accelerator: 'CmdOrCtrl+Shift+B', click: actions.backupNow },
  ];
  return { label: text.file, submenu: [...submenu, ...quitItems(text, mac)] };
}

/** On macOS Quit lives in the application menu, and Close (⌘W) in File. */
const quitItems = (text: MenuText, mac: boolean): MenuEntry[] =>
  mac
    ? [separator, { label: text.close, role: 'close', accelerator: 'Cmd+W' }]
    : [separator, { label: text.quit, role: 'quit', accelerator: 'CmdOrCtrl+Q' }];

const editMenu = (text: MenuText, mac: boolean): MenuEntry => ({
  label: text.edit,
  submenu: [
    { label: text.undo, role: 'undo', accelerator: 'CmdOrCtrl+Z' },
    { label: text.redo, role: 'redo', accelerator: mac ? 'Cmd+Shift+Z' : 'Ctrl+Y' },
    separator,
    { label: text.cut, role: 'cut', accelerator: 'CmdOrCtrl+X' },
    { label: text.copy, role: 'copy', accelerator: 'CmdOrCtrl+C' },
    { label: text.paste, role: 'paste', accelerator: 'CmdOrCtrl+V' },
    { label: text.selectAll, role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
  ],
});

function viewMenu(text: MenuText, actions: MenuActions, options: MenuOptions): MenuEntry {
  const themes: [Theme, string][] = [
    ['system', text.themeSystem],
    ['light', text.themeLight],
    ['dark', text.themeDark],
  ];
  const submenu: MenuEntry[] = [
    { label: text.zoomIn, role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
    { label: text.zoomOut, role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
    { label: text.resetZoom, role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
    separator,
    {
      label: text.theme,
      submenu: themes.map(([theme, label]) => ({
        label,
        type: 'radio',
        checked: options.theme === theme,
        click: () => actions.send(THEME_COMMANDS[theme]),
      })),
    },
    separator,
    {
      label: text.fullScreen,
      role: 'togglefullscreen',
      accelerator: options.platform === 'darwin' ? 'Ctrl+Cmd+F' : 'F11',
    },
  ];
  if (options.development) {
    submenu.push(
      separator,
      { label: text.reload, role: 'reload', accelerator: 'CmdOrCtrl+Shift+R' },
      { label: text.developerTools, role: 'toggleDevTools', accelerator: 'CmdOrCtrl+Shift+I' },
    );
  }
  return { label: text.view, submenu };
}

const helpMenu = (text: MenuText, actions: MenuActions, mac: boolean): MenuEntry => ({
  label: text.help,
  submenu: [
    { label: text.rules, click: () => actions.send('help.rules') },
    { label: text.shortcuts, accelerator: 'F1', click: () => actions.send('help.shortcuts') },
    separator,
    { label: text.openLogs, click: actions.openLogsFolder },
    // On macOS About lives in the application menu.
    ...(mac ? [] : [separator, { label: text.about, click: actions.showAbout }]),
  ],
});

/** macOS's application menu: About (when there is a console to ask), Services, Hide, Quit. */
const macAppMenu = (text: MenuText, showAbout: (() => void) | null): MenuEntry => ({
  label: 'Refund Console',
  submenu: [
    ...(showAbout === null ? [] : [{ label: text.about, click: showAbout }, separator]),
    { label: text.services, role: 'services' },
    separator,
    { label: text.hide, role: 'hide', accelerator: 'Cmd+H' },
    { label: text.hideOthers, role: 'hideOthers', accelerator: 'Cmd+Alt+H' },
    { label: text.showAll, role: 'unhide' },
    separator,
    { label: text.quit, role: 'quit', accelerator: 'Cmd+Q' },
  ],
});

const macWindowMenu = (text: MenuText): MenuEntry => ({
  label: text.window,
  submenu: [
    { label: text.minimize, role: 'minimize', accelerator: 'Cmd+M' },
    separator,
    { label: text.bringAllToFront, role: 'front' },
  ],
});

export function buildMenuTemplate(options: MenuOptions, actions: MenuActions): MenuEntry[] {
  const text = MENU_TEXT[options.language];
  const mac = options.platform === 'darwin';
  return [
    ...(mac ? [macAppMenu(text, actions.showAbout)] : []),
    fileMenu(text, actions, mac),
    editMenu(text, mac),
    viewMenu(text, actions, options),
    ...(mac ? [macWindowMenu(text)] : []),
    helpMenu(text, actions, mac),
  ];
}

/**
 * The menu beside the store-problem page: without it Electron would show its default menu
 * (Reload, developer tools, a "Learn More" that opens a website). Copying the details, the
 * logs folder and quitting are all that is left to do there.
 */
export function buildProblemMenuTemplate(
  options: Pick<MenuOptions, 'language' | 'platform'>,
  actions: ProblemMenuActions,
): MenuEntry[] {
  const text = MENU_TEXT[options.language];
  const mac = options.platform === 'darwin';
  return [
    ...(mac ? [macAppMenu(text, null)] : []),
    { label: text.file, submenu: quitItems(text, mac).slice(1) },
    {
      label: text.edit,
      submenu: [
        { label: text.copy, role: 'copy', accelerator: 'CmdOrCtrl+C' },
        { label: text.selectAll, role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
      ],
    },
    { label: text.help, submenu: [{ label: text.openLogs, click: actions.openLogsFolder }] },
  ];
}
