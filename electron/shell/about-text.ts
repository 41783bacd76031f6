import type { Language } from '../../shared/model/languages';

/** The versions "About" lists: what a support request needs to say which build it is. */
export interface Versions {
  app: string;
  electron: string;
  chrome: string;
  node: string;
  sqlite: string;
}

const TEXT = {
  en: { title: 'About Refund Console', message: (app: string) => `Refund Console ${app}`, ok: 'OK' },
  zh: { title: '关于 Refund Console', message: (app: string) => `Refund Console ${app}`, ok: '确定' },
} as const;

export function aboutText(language: Language, versions: Versions) {
  const text = TEXT[language];
  return {
    title: text.title,
    message: text.message(versions.app),
    detail: [
      `Electron ${versions.electron}`,
      `Chromium ${versions.chrome}`,
      `Node.js ${versions.node}`,
      `SQLite ${versions.sqlite}`,
    ].join('\n'),
    ok: text.ok,
  };
}
