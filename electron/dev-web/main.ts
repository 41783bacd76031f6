import { resolveStoreFile } from '../store';
import { startDevWeb } from './index';

/** `npm run dev:web`: the store is $REFUND_CONSOLE_DB or the default; PORT picks Vite's port. */
const dbFile = resolveStoreFile();
const dev = await startDevWeb({ dbFile, port: Number(process.env.PORT ?? 5173) });

console.log(`Refund Console (store: ${dbFile})`);
console.log(`  open ${dev.url}/#token=${dev.token}`);
console.log(`  the built renderer is also served by the host: ${dev.hostUrl}/#token=${dev.token}`);

const stop = async () => {
  await dev.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
