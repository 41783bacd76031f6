import { runImport } from '../services/import';
import {
  currentAgent,
  deleteImportMapping,
  listImportMappings,
  saveImportMapping,
  type CaseStore,
} from '../store';
import { ImportJobs, type TrackWrite } from './import-jobs';
import type { Implementations } from './types';
import { Uploads } from './uploads';

export type ImportMethods =
  | 'imports.preview'
  | 'imports.run'
  | 'imports.start'
  | 'imports.progress'
  | 'imports.cancel'
  | 'imports.upload'
  | 'importMappings.list'
  | 'importMappings.save'
  | 'importMappings.delete';

export interface ImportHandlerOptions {
  /** Wraps a background import, which writes after its call has answered (the shell's update guard). */
  trackWrite?: TrackWrite;
}

export function importHandlers(
  store: CaseStore,
  options: ImportHandlerOptions = {},
): Implementations<ImportMethods> {
  const jobs = new ImportJobs(store, options.trackWrite);
  const uploads = new Uploads();
  return {
    // Reads past bad rows, so the counts cover the whole file whichever way it is then imported.
    'imports.preview': (request) =>
      runImport(store, { ...request, actor: 'preview', dryRun: true, skipBadRows: true }),
    'imports.run': ({ agent, ...request }) => runImport(store, { ...request, actor: agent }),
    'imports.start': ({ agent, ...request }) => jobs.start({ ...request, actor: agent }),
    'imports.progress': ({ job }) => jobs.progress(job),
    'imports.cancel': ({ job }) => jobs.cancel(job),
    'imports.upload': (request) => uploads.append(request),
    'importMappings.list': () => ({ items: listImportMappings(store) }),
    'importMappings.save': (mapping) => ({
      items: saveImportMapping(store, mapping, currentAgent(store)),
    }),
    'importMappings.delete': ({ name }) => ({
      items: deleteImportMapping(store, name, currentAgent(store)),
    }),
  };
}
