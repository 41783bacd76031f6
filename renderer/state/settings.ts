import { create } from 'zustand';
import type { Language } from '../../shared/model/languages';
import type { SettingsPatch, SettingsView, ZoneChoice } from '../../shared/model/settings';
import { api, call } from '../api/client';
import { setLanguage } from '../i18n';
import { useUi } from './ui';

interface SettingsState {
  loaded: boolean;
  agentName: string;
  language: Language;
  timeZone: ZoneChoice;
  dataFolder: string;
  load(): Promise<void>;
  save(patch: SettingsPatch): Promise<void>;
}

const LANGUAGE_KEY = 'refund-console.language';

export const useSettings = create<SettingsState>((set) => {
  const apply = (value: SettingsView) => {
    // Kept locally too, so the next start paints in the right language before the store answers.
    localStorage.setItem(LANGUAGE_KEY, value.language);
    setLanguage(value.language);
    set({ ...value, loaded: true });
  };
  const initial: Language = localStorage.getItem(LANGUAGE_KEY) === 'zh' ? 'zh' : 'en';
  setLanguage(initial);
  return {
    loaded: false,
    agentName: '',
    language: initial,
    timeZone: 'policy',
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
