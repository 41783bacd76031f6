import path from 'node:path';
import { createHandlers, dispatch } from '../api';
import { openStore } from '../store';
import { createTeamSync, environmentCredentials, type SyncSchedule } from '../team-sync';
import { createHostServer, type RunningServer } from './http';

export interface StartHostOptions {
  dbFile: string;
  port?: number;
  /** The built renderer; defaults to out/renderer beside the working directory. */
  staticDir?: string;
  /** False skips the daily backup at open (benchmarks on huge stores). */
  autoBackup?: boolean;
  /** When team sync rounds run (tests that count what waits choose when sync happens). */
  teamSchedule?: SyncSchedule;
}

export const DEFAULT_STATIC_DIR = path.resolve('out/renderer');

/** The browser host: the real store and handler table behind the loopback HTTP transport. */
export async function startHost(options: StartHostOptions): Promise<RunningServer> {
  const store = openStore({ file: options.dbFile, autoBackup: options.autoBackup });
  // Team sync runs here as in the desktop app; the password comes from the environment.
  const credentials = environmentCredentials();
  const sync = createTeamSync({ store, credentials, schedule: options.teamSchedule });
  const handlers = createHandlers(store, { team: { sync, credentials } });
  try {
    const server = await createHostServer({
      call: (method, payload) => dispatch(handlers, method, payload),
      port: options.port,
      staticDir: options.staticDir ?? DEFAULT_STATIC_DIR,
    });
    sync.start();
    return {
      ...server,
      close: async () => {
        await server.close();
        await sync.stop();
        // A backup started at open reads through this connection; let it finish first.
        await store.autoBackup;
        store.close();
      },
    };
  } catch (error) {
    store.close();
    throw error;
  }
}
