import { runImport } from '../services/import';
import type { CaseStore } from '../store';
import type { Implementations } from './types';

type ImportMethods = 'imports.preview' | 'imports.run';

export const importHandlers = (store: CaseStore): Implementations<ImportMethods> => ({
  'imports.preview': (request) => runImport(store, { ...request, actor: 'preview', dryRun: true }),
  'imports.run': ({ agent, ...request }) => runImport(store, { ...request, actor: agent }),
});
