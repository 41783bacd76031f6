import {
  NotFoundError,
  countCasesInConflict,
  countWaiting,
  heldEvents,
  parkedEvents,
  redoParked,
  rejectedEvents,
  teamCursor,
  teamDesktopId,
  teamMember,
  withdrawParked,
  type ParkedEvent,
} from '../../electron/store';
import { defineCommand, type CommandGroup } from '../command';
import { BadInputError } from '../errors';
import { json } from '../io';
import { agentOf } from './case-lifecycle';
import { withStore } from './with-store';

// This desktop's place in its team, read from the store alone, and what to do with the
// changes the team server refused (parked, so they never stop the rest).

const parkedLine = (event: ParkedEvent) =>
  `${event.eventId}  ${event.ref ?? '(no case)'}  ${event.kind}${event.withdrawn ? '  withdrawn' : ''}\n    ${event.reason}\n`;

const status = defineCommand({
  args: '',
  arity: [0, 0],
  summary: 'What this desktop has not synced, what the server refused (parked) and the open conflicts.',
  options: {
    withdrawn: { type: 'boolean', help: 'list withdrawn changes too' },
    json: { type: 'boolean', help: 'print JSON instead of text' },
  },
  usesStore: true,
  run: ({ options, db, newStore, io }) =>
    withStore({ db, newStore }, async ({ store }) => {
      const desktopId = teamDesktopId(store);
      if (desktopId === null)
        throw new BadInputError('this case store is not in a team yet: run `sync --join` once');
      const summary = {
        desktopId,
        member: teamMember(store),
        cursor: teamCursor(store),
        waiting: countWaiting(store),
        casesInConflict: countCasesInConflict(store),
        parked: parkedEvents(store, { withdrawn: options.withdrawn === true }),
        setAside: rejectedEvents(store),
        held: heldEvents(store),
      };
      if (options.json === true) return io.stdout(json(summary));
      const member =
        summary.member === null ? 'not signed in yet' : `${summary.member.name} (${summary.member.role})`;
      io.stdout(
        `desktop ${desktopId}, ${member}, up to server event ${summary.cursor}\n` +
          `${summary.waiting} changes waiting to sync, ${summary.casesInConflict} cases in conflict\n` +
          `${summary.parked.length} changes refused by the server (team redo ID | team withdraw ID):\n` +
          summary.parked.map(parkedLine).join('') +
          `${summary.setAside.length} team changes this desktop could not apply (tried again at each sync):\n` +
          summary.setAside
            .map((event) => `${event.eventId}  #${event.seq}  ${event.kind}\n    ${event.reason}\n`)
            .join('') +
          `${summary.held.length} team changes of a kind this release does not know (applied after an upgrade):\n` +
          summary.held.map((event) => `${event.eventId}  #${event.seq}  ${event.kind}\n`).join(''),
      );
    }),
});

/** A parked change by its event id: one not parked is a bad argument, not a fault. */
function onParked(eventId: string, work: () => void): void {
  try {
    work();
  } catch (error) {
    if (error instanceof NotFoundError) throw new BadInputError(`${error.message} (team status lists them)`);
    throw error;
  }
}

const AGENT_OPTION = {
  agent: { type: 'string', value: 'NAME', help: "who does it (default: the store's agent)" },
} as const;

const redo = defineCommand({
  args: 'EVENT',
  arity: [1, 1],
  summary: 'Send a refused change again at the next sync (once what the server objected to has changed).',
  options: AGENT_OPTION,
  usesStore: true,
  run: ({ positionals: [eventId], options, db, newStore, io }) =>
    withStore({ db, newStore }, async ({ store }) => {
      onParked(eventId!, () => redoParked(store, eventId!, agentOf(store, options.agent)));
      io.stdout(`${eventId} goes to the team server at the next sync\n`);
    }),
});

const withdraw = defineCommand({
  args: 'EVENT',
  arity: [1, 1],
  summary: 'Never send a refused change: it stays on this desktop only, and the team never counts it.',
  options: AGENT_OPTION,
  usesStore: true,
  run: ({ positionals: [eventId], options, db, newStore, io }) =>
    withStore({ db, newStore }, async ({ store }) => {
      onParked(eventId!, () => withdrawParked(store, eventId!, agentOf(store, options.agent)));
      io.stdout(`${eventId} withdrawn: it will not be sent\n`);
    }),
});

const team: CommandGroup = {
  summary: "this desktop's team sync: status, and the changes the server refused",
  subcommands: { status, redo, withdraw },
};

export default team;
