import { create } from 'zustand';
import type { Language } from '../../shared/model/languages';
import {
  THEME_CHOICES,
  type SettingsPatch,
  type SettingsView,
  type ThemeChoice,
  type ZoneChoice,
} from '../../shared/model/settings';
import { DEFAULT_SERVICE_TARGETS, type ServiceTargets } from '../../shared/model/service-targets';
import { applyTheme } from '../lib/theme';
import { api, call } from '../api/client';
import { setLanguage } from '../i18n';
import { useUi } from './ui';

interface SettingsState {
  loaded: boolean;
  agentName: string;
  language: Language;
  timeZone: ZoneChoice;
  theme: ThemeChoice;
  serviceTargets: ServiceTargets;
  dataFolder: string;
  load(): Promise<void>;
  save(patch: SettingsPatch): Promise<void>;
}

const LANGUAGE_KEY = 'refund-console.language';
const THEME_KEY = 'refund-console.theme';

const storedTheme = (): ThemeChoice => {
  const stored = localStorage.getItem(THEME_KEY);
  return THEME_CHOICES.find((choice) => choice === stored) ?? 'system';
};

export const useSettings = create<SettingsState>((set) => {
  const apply = (value: SettingsView) => {
    // Kept locally too, so the next start paints in the right language before the store answers.
    localStorage.setItem(LANGUAGE_KEY, value.language);
    localStorage.setItem(THEME_KEY, value.theme);
    setLanguage(value.language);
    applyTheme(value.theme);
    set({ ...value, loaded: true });
  };
  const initial: Language = localStorage.getItem(LANGUAGE_KEY) === 'zh' ? 'zh' : 'en';
  setLanguage(initial);
  const initialTheme = storedTheme();
  applyTheme(initialTheme);
  return {
    loaded: false,
    agentName: '',
    language: initial,
    timeZone: 'policy',
    theme: initialTheme,
    serviceTargets: DEFAULT_SERVICE_TARGETS,
    dataFolder: '',
    load: async () => {
      try {
        apply(await call(api['settings.get']({})));
      } catch (error) {
        useUi.getState().notify((error as Error).message, 'error');
      }
    },
    save: async (patch) => {
      apply(await call(api['settings.set'](patch)));
    },
  };
});
