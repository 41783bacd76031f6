import { type CaseStore, getSettings, setSettings } from '../store';
import type { Implementations } from './types';

export const settingsHandlers = (store: CaseStore): Implementations<'settings.get' | 'settings.set'> => ({
  'settings.get': () => getSettings(store),
  'settings.set': (patch) => setSettings(store, patch),
});
