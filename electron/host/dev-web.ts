import { createServer } from 'vite';
import { resolveStoreFile } from '../store';
import { startHost } from './server';

/**
 * `npm run dev:web`: the console in any browser against a real store. The host serves the
 * API on a random loopback port; Vite serves the renderer with hot reload and proxies /api to
 * the host. Vite's page has its own origin, so the proxy presents it to the host as the host's
 * own; any other origin still reaches the host unchanged and is refused there.
 */
const dbFile = resolveStoreFile();
const host = await startHost({ dbFile });

let viteOrigin = '';
const vite = await createServer({
  configFile: 'vite.config.ts',
  server: {
    host: '127.0.0.1',
    port: Number(process.env.PORT ?? 5173),
    proxy: {
      '/api': {
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

console.log(`Refund Console (store: ${dbFile})`);
console.log(`  open ${viteOrigin}/#token=${host.token}`);
console.log(`  the built renderer is also served by the host: ${host.url}/#token=${host.token}`);

const stop = async () => {
  await vite.close();
  await host.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
