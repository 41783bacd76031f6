import { NewCaseSchema, type NewCase } from '../../../shared/model/case';
import { appendAudit, type CaseStore, clearCapturedStates, formatRef, sqliteTrouble } from '../core';
import { ImportStage, previewDeadline } from '../cases';
import type { Applied, PulledEvent } from './pulled-event';

/**
 * A desktop catching up mostly receives long runs of new cases from another desktop's import
 * or its joining. One audit row per case made catching up on 100k events take more than ten
 * times a bare insert of the rows; a run is written the way an import is, with one audit row
 * naming the id range (so verify-audit checks every case of it by the range's hash) and the
 * run's first and last server sequence numbers.
 */
export const MIN_RUN = 8;

/** Events that start at `from` and can be applied as one run: new open cases, one author. */
export function creationRunAt(events: readonly PulledEvent[], from: number): readonly PulledEvent[] {
  const first = events[from]!;
  if (!isPlainCreation(first)) return [];
  let end = from + 1;
  while (
    end < events.length &&
    isPlainCreation(events[end]!) &&
    events[end]!.actor === first.actor &&
    events[end]!.desktopId === first.desktopId &&
    events[end]!.pushedBy === first.pushedBy
  ) {
    end++;
  }
  return events.slice(from, end);
}

// A created case that arrives closed or waiting moves queue counts differently: the one-by-one path.
const isPlainCreation = (event: PulledEvent) =>
  event.kind === 'case.create' && (event.body.status === undefined || event.body.status === 'open');

/**
 * Applies a run of creations with the guarantees of one event each: an id seen before, this
 * desktop's own event or a case key already known changes nothing; a body that fails the
 * schema is set aside alone. `fallback` applies the run one by one if the run as a whole
 * cannot be written (the savepoint leaves nothing of it behind).
 */
export function applyCreationRun(
  store: CaseStore,
  run: readonly PulledEvent[],
  fallback: (event: PulledEvent) => Applied,
): Applied[] {
  const results: Applied[] = [];
  const accepted: { index: number; event: PulledEvent; input: NewCase }[] = [];
  // One lookup per run rather than three per event: a catch-up is mostly these runs.
  const seen = alreadyIn(
    store,
    'team_applied',
    'event_id',
    run.map((event) => event.id),
  );
  const own = alreadyIn(
    store,
    'team_outbox',
    'event_id',
    run.map((event) => event.id),
  );
  const keys = alreadyIn(
    store,
    'team_case_keys',
    'case_key',
    run.map((event) => event.caseKey),
  );
  const remember = store.sql('INSERT OR IGNORE INTO team_applied (event_id) VALUES (?)');
  for (const [index, event] of run.entries()) {
    if (seen.has(event.id)) {
      results[index] = { kind: 'duplicate' };
      continue;
    }
    if (own.has(event.id) || keys.has(event.caseKey)) {
      // Remembered as applied, as the one-by-one path does.
      remember.run(event.id);
      results[index] = own.has(event.id) ? { kind: 'own' } : { kind: 'duplicate' };
      continue;
    }
    const parsed = NewCaseSchema.safeParse(event.body.case);
    if (!parsed.success) {
      // Set aside on its own path, which records why.
      results[index] = fallback(event);
      continue;
    }
    keys.add(event.caseKey);
    accepted.push({ index, event, input: parsed.data });
  }
  if (accepted.length === 0) return results;
  let written: Applied[];
  try {
    written = store.db.transaction(() => writeRun(store, accepted))();
  } catch (error) {
    if (isStoreTrouble(error)) throw error;
    written = accepted.map(({ event }) => fallback(event));
  }
  accepted.forEach(({ index }, i) => (results[index] = written[i]!));
  return results;
}

function writeRun(store: CaseStore, accepted: readonly { event: PulledEvent; input: NewCase }[]): Applied[] {
  clearCapturedStates(store);
  const now = store.now();
  // Staged and written in a few statements, as an import is; unlike an import, a case whose
  // order id is already here is still another desktop's case and is written.
  const stage = new ImportStage(store, false, ['event_id', 'case_key']);
  try {
    stage.add(
      accepted.map(({ event, input }) => ({
        input,
        deadline: previewDeadline(input.facts, now),
        extra: [event.id, event.caseKey],
      })),
    );
    const { firstId, lastId } = stage.writeCases({ dropKnownOrders: false }).range!;
    const before = firstId - 1;
    store.sql(`INSERT INTO team_applied (event_id) SELECT event_id FROM ${stage.numbered(before)}`).run();
    store
      .sql(
        `INSERT INTO team_case_keys (case_id, case_key) SELECT case_id, case_key FROM ${stage.numbered(before)}`,
      )
      .run();
    const first = accepted[0]!.event;
    const last = accepted.at(-1)!.event;
    appendAudit(store, {
      caseRef: null,
      action: 'cases.import',
      actor: first.actor,
      detail: {
        count: lastId - firstId + 1,
        firstId,
        lastId,
        duplicates: 0,
        team: {
          desktopId: first.desktopId,
          pushedBy: first.pushedBy,
          firstSeq: first.seq,
          lastSeq: last.seq,
        },
      },
    });
    return accepted.map((_, i) => ({ kind: 'applied', ref: formatRef(firstId + i), conflicts: 0 }));
  } finally {
    stage.discard();
  }
}

/** Which of `values` the column already holds. */
function alreadyIn(store: CaseStore, table: string, column: string, values: readonly string[]): Set<string> {
  const found = store
    .sql(
      `SELECT value FROM json_each(?) AS j WHERE EXISTS (SELECT 1 FROM ${table} WHERE ${column} = j.value)`,
    )
    .pluck()
    .all(JSON.stringify(values)) as string[];
  return new Set(found);
}

/** A store that cannot be written stops the sync; anything else is the events' own problem. */
export const isStoreTrouble = (error: unknown): boolean => sqliteTrouble(error) !== null;
