import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/model/languages';
import { en } from './en';
import { zh } from './zh';

void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, zh: { translation: zh } },
  lng: 'en',
  fallbackLng: 'en',
  // React escapes what it renders; i18next escaping on top would double-escape.
  interpolation: { escapeValue: false },
  initAsync: false,
});

export const i18n = i18next;

export function setLanguage(language: Language): void {
  void i18next.changeLanguage(language);
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
}

export const currentLanguage = (): Language => (i18next.language === 'zh' ? 'zh' : 'en');
