import { currentAgent, joinTeam, teamDesktopId } from '../../electron/store';
import { syncOnce } from '../../electron/team';
import { defineCommand } from '../command';
import { CliError, EXIT } from '../errors';
import { json } from '../io';
import { URL_OPTION, serverUrl, withTeamServer } from './team-server';
import { withStore } from './with-store';

/** Prints the round's summary as JSON: pushed, applied, conflicts opened, cursor, still waiting. */
export default defineCommand({
  args: '',
  arity: [0, 0],
  summary: "Push this store's changes to the team server and apply the team's; prints a JSON summary.",
  options: {
    ...URL_OPTION,
    join: {
      type: 'boolean',
      help: 'make this store a member of the team first (its cases are announced to the team once)',
    },
  },
  usesStore: true,
  run: ({ options, db, newStore, io }) =>
    withStore({ db, newStore }, async ({ store }) => {
      const url = serverUrl(options.url);
      if (options.join === true) joinTeam(store, currentAgent(store));
      else if (teamDesktopId(store) === null) {
        throw new CliError(EXIT.badInput, 'this case store is not in a team yet: run `sync --join` once');
      }
      const summary = await withTeamServer(url, (server) => syncOnce(store, server));
      io.stdout(json(summary));
    }),
});
