// Child process for sync-crash.test.ts: pulls and applies the team's events in small batches,
// printing the cursor after each batch has committed, until it is done or killed.
import { writeSync } from 'node:fs';
import { applyTeamEvents, openStore, teamCursor } from '../../store';
import { pullEvents } from '../events';
import { connectTeamServer } from '../server';

const [file, url] = process.argv.slice(2) as [string, string];
const store = openStore({ file, autoBackup: false });
const server = await connectTeamServer(url);
const say = (line: string) => writeSync(1, `${line}\n`);
say('ready');
for (;;) {
  const events = await pullEvents(server, teamCursor(store), 25);
  if (events.length === 0) break;
  applyTeamEvents(store, events);
  say(`cursor ${teamCursor(store)}`);
}
say('done');
await server.close();
store.close();
