import path from 'node:path';
import { createHandlers, dispatch } from '../api';
import { openStore } from '../store';
import { createHostServer, type RunningServer } from './http';

export interface StartHostOptions {
  dbFile: string;
  port?: number;
  /** The built renderer; defaults to out/renderer beside the working directory. */
  staticDir?: string;
  /** False skips the daily backup at open (benchmarks on huge stores). */
  autoBackup?: boolean;
}

export const DEFAULT_STATIC_DIR = path.resolve('out/renderer');

/** The browser host: the real store and handler table behind the loopback HTTP transport. */
export async function startHost(options: StartHostOptions): Promise<RunningServer> {
  const store = openStore({ file: options.dbFile, autoBackup: options.autoBackup });
  const handlers = createHandlers(store);
  try {
    const server = await createHostServer({
      call: (method, payload) => dispatch(handlers, method, payload),
      port: options.port,
      staticDir: options.staticDir ?? DEFAULT_STATIC_DIR,
    });
    return {
      ...server,
      close: async () => {
        await server.close();
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
