import path from 'node:path';
import { createServer, type LogLevel, type Plugin } from 'vite';
import { METHOD_NAMES } from '../../shared/ipc/contract';
import { startHost } from '../host';
import { refusal, type GuardOptions } from './guard';

// The dev server's one face: `npm run dev:web` (main.ts) and the e2e test start it.

const CHECKOUT = path.resolve(import.meta.dirname, '../..');
const RENDERER = path.join(CHECKOUT, 'renderer');

/**
 * Exactly the API's method names: a looser `/api` prefix also caught the renderer's own
 * source files under renderer/api/ (client.ts, transports.ts) and the page came up blank.
 */
const API_PATH = `^/api/(${METHOD_NAMES.map((name) => name.replace(/\./g, '\\.')).join('|')})$`;

/** Refuses, before any of Vite's own middleware runs, every request that is not a source. */
const guard = (options: GuardOptions): Plugin => ({
  name: 'refund-console-dev-guard',
  apply: 'serve',
  configureServer(server) {
    server.middlewares.use((req, res, next) => {
      const reason = refusal(req.url ?? '/', options);
      if (reason === null) return next();
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(`refused: ${reason}`);
    });
  },
});

export interface DevWebOptions {
  dbFile: string;
  /** 0 lets the OS pick a free port. */
  port?: number;
  logLevel?: LogLevel;
}

export interface DevWeb {
  /** The console with hot reload; open it with `#token=<token>`. */
  url: string;
  token: string;
  /** The loopback host behind the proxy, which also serves the built renderer. */
  hostUrl: string;
  close(): Promise<void>;
}

/**
 * The console in any browser against a real store. The host serves the API on a random
 * loopback port; Vite serves the renderer with hot reload and proxies the API's methods to
 * the host. Vite's page has its own origin, so the proxy presents it to the host as the
 * host's own; any other origin still reaches the host unchanged and is refused there.
 */
export async function startDevWeb(options: DevWebOptions): Promise<DevWeb> {
  const dbFile = path.resolve(options.dbFile);
  const host = await startHost({ dbFile });
  let viteOrigin = '';
  try {
    const vite = await createServer({
      configFile: path.join(CHECKOUT, 'vite.config.ts'),
      logLevel: options.logLevel,
      plugins: [
        guard({
          root: RENDERER,
          sourceRoots: [RENDERER, path.join(CHECKOUT, 'shared'), path.join(CHECKOUT, 'node_modules')],
          storeFile: dbFile,
          backupDir: path.join(path.dirname(dbFile), 'backups'),
        }),
      ],
      server: {
        host: '127.0.0.1',
        port: options.port ?? 5173,
        strictPort: true,
        // Vite's own check too, narrowed from the whole checkout to the sources.
        fs: {
          strict: true,
          allow: [RENDERER, path.join(CHECKOUT, 'shared'), path.join(CHECKOUT, 'node_modules')],
          deny: ['.env', '.env.*', '*.{crt,pem}', '**/.git/**', '*.sqlite*', '*.db', '**/backups/**'],
        },
        proxy: {
          [API_PATH]: {
            target: host.url,
            changeOrigin: true,
            configure: (proxy) =>
              proxy.on('proxyReq', (request) => {
                if (request.getHeader('origin') === viteOrigin) request.setHeader('origin', host.url);
              }),
          },
        },
      },
    });
    await vite.listen();
    viteOrigin = (vite.resolvedUrls?.local[0] ?? '').replace(/\/$/, '');
    return {
      url: viteOrigin,
      token: host.token,
      hostUrl: host.url,
      close: async () => {
        await vite.close();
        await host.close();
      },
    };
  } catch (error) {
    await host.close();
    throw error;
  }
}
