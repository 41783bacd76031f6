import { readUsageExport } from '../../shared/policy/usage-facts';
import { type CaseStore, getUsageExport, saveUsageExport } from '../store';
import type { Implementations } from './types';

export const usageHandlers = (store: CaseStore): Implementations<'usage.get' | 'usage.save'> => ({
  'usage.get': ({ ref }) => getUsageExport(store, ref),
  'usage.save': ({ ref, text, agent }) => {
    // The contract already read the export; the audit row keeps the figures an agent reads it for.
    const read = readUsageExport(text);
    const summary: Record<string, number> = read.ok
      ? {
          packages: read.input.packages.length,
          calls: read.input.usage.length,
          packageMinutesDrawn: read.breakdown.packages.reduce((sum, balance) => sum + balance.used, 0),
        }
      : {};
    return saveUsageExport(store, ref, text, agent, summary);
  },
});
