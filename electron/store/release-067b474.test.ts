import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DashboardQuerySchema } from '../../shared/model/dashboard';
import { QueueQuerySchema } from '../../shared/model/queue';
import { listApprovals } from './cases/approvals';
import { verifyAudit } from './core/audit';
import { verifyAuditWithBackups } from './integrity/audit-backups';
import { getCase } from './cases/case-detail';
import { dashboardFigures } from './figures/dashboard';
import { NEVER } from './figures/day-figures';
import { periodAggregates } from './figures/period';
import { dayFigureProblems } from './integrity/day-figures-check';
import { recordDecision } from './cases/decisions';
import { getDraft } from './cases/drafts';
import { LATEST_VERSION } from './core/migrations';
import { addNote } from './cases/notes';
import { openStore } from './open';
import { listCases } from './cases/queue';
import { formatRef } from './core/refs';
import { listReplyTemplates } from './cases/reply-templates';
import { searchCases } from './cases/search';
import { getSettings } from './cases/settings';
import { lostClaims, unansweredClaims } from './team/team-claims';
import { listOpenConflicts } from './team/team-conflicts';
import { countWaiting, teamDesktopId } from './core/team-outbox';
import { caseSyncStates, countCasesInConflict } from './team/team-status';
import { copyOfFixture as copyFixture } from './test-support/fixtures';
import { getUsageExport } from './cases/usage-exports';
import { listViews } from './cases/views';

/**
 * fixtures/release-067b474.sqlite was written by release 067b474's own code (schema 13) through
 * its API handlers, import service and team sync against a real team server:
 * fixtures/make-release-067b474.ts says what it holds and how it is made. It is never
 * regenerated: it stands for the files agents already have.
 */
// After the fixture's last write (2026-03-02T14:15Z), as an agent opens it the next day.
const NOW = Date.parse('2026-03-03T01:00:00Z');

type Row = Record<string, unknown>;
/** Every table's rows, each as JSON of the columns the table had at schema 13, sorted. */
type Tables = Map<string, { columns: string[]; rows: string[] }>;

function readTables(file: string, columnsOf?: Tables): Tables {
  const db = new Database(file, { readonly: true });
  try {
    const names = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'")
      .pluck()
      .all() as string[];
    const tables: Tables = new Map();
    for (const name of columnsOf ? [...columnsOf.keys()].filter((name) => names.includes(name)) : names) {
      const columns =
        columnsOf?.get(name)?.columns ??
        (db.pragma(`table_info("${name}")`) as { name: string }[]).map((column) => column.name);
      const select = `SELECT ${columns.map((column) => `"${column}"`).join(', ')} FROM "${name}"`;
      const rows = (db.prepare(select).all() as Row[]).map((row) => JSON.stringify(row)).sort();
      tables.set(name, { columns, rows });
    }
    return tables;
  } finally {
    db.close();
  }
}

const rowsOf = (tables: Tables, name: string) => tables.get(name)!.rows.map((row) => JSON.parse(row) as Row);

let cleanup = () => {};
afterEach(() => cleanup());

function copyOfFixture(): string {
  const copy = copyFixture('release-067b474.sqlite');
  cleanup = copy.cleanup;
  return copy.file;
}

const openCopy = (file: string) => openStore({ file, autoBackup: false, now: () => NOW });

interface ClaimRecord {
  caseId: number;
  state: 'granted' | 'provisional' | 'lost';
  holder: string | null;
  seen: boolean;
}

const claimsIn = (teamSync: Row[]) =>
  teamSync
    .filter((row) => String(row.key).startsWith('claim.'))
    .map((row) => ({ key: row.key as string, ...(JSON.parse(row.value as string) as ClaimRecord) }));

describe('a store written by release 067b474 (schema 13)', () => {
  it('migrates keeping every row of every table, forgetting only the settled claims', () => {
    const file = copyOfFixture();
    const before = readTables(file);
    const claims = claimsIn(rowsOf(before, 'team_sync'));
    // What it holds: all five kinds, an import, overrides, approvals in each state, claims of each kind.
    expect(new Set(rowsOf(before, 'cases').map((row) => row.product_type))).toEqual(
      new Set(['saas', 'service', 'image', 'api', 'rtc_package']),
    );
    expect(rowsOf(before, 'audit').filter((row) => row.action === 'cases.import')).toHaveLength(1);
    expect(new Set(rowsOf(before, 'approval_requests').map((row) => row.state))).toEqual(
      new Set(['waiting', 'granted', 'refused']),
    );
    const settled = claims.filter((claim) => claim.state !== 'provisional' && claim.seen);
    expect(settled.map((claim) => claim.state).sort()).toEqual(['granted', 'granted', 'lost', 'lost']);
    expect(
      claims
        .filter((claim) => !settled.includes(claim))
        .map((claim) => claim.state)
        .sort(),
    ).toEqual(['lost', 'provisional']);

    const store = openCopy(file);
    try {
      expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(store.db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      store.close();
    }

    const after = readTables(file, before);
    // The per-day override counts are gone (migration 018): overrides are walked, not kept by day.
    expect(after.has('override_days')).toBe(false);
    for (const [name, { rows }] of before) {
      if (name === 'override_days') continue;
      // The per-day figures are counted again (migration 015): compared with a recount below.
      if (name === 'team_sync' || name === 'decision_days' || name === 'delay_days') continue;
      expect(after.get(name)!.rows, name).toEqual(rows);
    }
    const forgotten = new Set(settled.map((claim) => claim.key));
    expect(rowsOf(after, 'team_sync')).toEqual(
      rowsOf(before, 'team_sync').filter((row) => !forgotten.has(row.key as string)),
    );
  });

  it('reads as the app reads it: cases, queue, search, dashboard, approvals, templates, views, sync', () => {
    const file = copyOfFixture();
    const before = readTables(file);
    const store = openCopy(file);
    try {
      const audit = rowsOf(before, 'audit');
      expect(verifyAudit(store)).toEqual({ ok: true, rows: audit.length, firstBadSeq: null });
      expect(verifyAuditWithBackups(store)).toMatchObject({ ok: true, problems: [] });

      const own = (table: string, caseId: unknown) =>
        rowsOf(before, table)
          .filter((row) => row.case_id === caseId)
          .sort((a, b) => Number(a.id) - Number(b.id));
      for (const row of rowsOf(before, 'cases')) {
        const detail = getCase(store, formatRef(row.id as number));
        expect(detail.summary).toMatchObject({
          customerName: row.customer_name,
          status: row.status,
          revision: row.revision,
          assignee: row.assignee,
        });
        expect(detail.facts).toEqual(JSON.parse(row.facts as string));
        expect(
          detail.decisions.map((d) => [d.id, d.recordedOutcome, d.override?.justification ?? null]),
        ).toEqual(own('decisions', row.id).map((d) => [d.id, d.recorded_outcome, d.override_justification]));
        expect(detail.notes.map((note) => note.body)).toEqual(own('notes', row.id).map((note) => note.body));
        for (const draft of own('drafts', row.id)) {
          expect(getDraft(store, detail.summary.ref, draft.language as string).body).toBe(draft.body);
        }
      }
      expect(rowsOf(before, 'notes').some((note) => String(note.body).length === 4000)).toBe(true);
      expect(getSettings(store)).toMatchObject({ agentName: 'lin', language: 'zh', theme: 'dark' });

      const cases = rowsOf(before, 'cases');
      expect(listCases(store, QueueQuerySchema.parse({ limit: 500 })).total).toBe(cases.length);
      expect(listCases(store, QueueQuerySchema.parse({ assignee: 'mei' })).items.length).toBeGreaterThan(0);
      // The middle of a Chinese company name, an Arabic name, and a ref by its digits alone.
      const names = (text: string) => searchCases(store, text, 50).map((item) => item.customerName);
      expect(names('腾飞')).toEqual(expect.arrayContaining(['深圳市腾飞网络科技有限公司']));
      expect(names('腾飞').every((name) => name.includes('腾飞'))).toBe(true);
      expect(names('العلي')).toEqual(expect.arrayContaining(['محمد العلي']));
      expect(searchCases(store, '000012', 50).map((item) => item.ref)).toEqual(['RC-000012']);

      // The dashboard reads the per-day figures, counted again by migration 015: 067b474 also
      // counted the decisions waiting for a lead or refused by one, which count nowhere else.
      // Its decisions all fall in this period; the walk over them gives the same figures.
      expect(dayFigureProblems(store)).toEqual([]);
      const figures = dashboardFigures(
        store,
        DashboardQuerySchema.parse({ from: '2026-03-01', to: '2026-03-05' }),
      );
      const counted067b474 = rowsOf(before, 'decision_days')
        .filter((row) => row.superseded_day === NEVER)
        .reduce((sum, row) => sum + Number(row.n), 0);
      const walked = periodAggregates(
        store,
        { from: Date.parse('2026-03-01T00:00:00+08:00'), to: Date.parse('2026-03-06T00:00:00+08:00') },
        null,
      );
      expect(figures.decidedCases).toBe(walked.decidedCases);
      expect(figures.cashRefunded).toEqual(walked.cashRefunded);
      expect(figures.decidedCases).toBeLessThan(counted067b474);
      expect(figures.overridesByAgent).toEqual(
        expect.arrayContaining([expect.objectContaining({ key: 'lin' })]),
      );

      const waiting = listApprovals(store, 'waiting');
      expect(waiting.map((item) => item.agent).sort()).toEqual(['lin', 'mei']);
      expect(listApprovals(store, 'granted')).toHaveLength(1);
      expect(listApprovals(store, 'refused')[0]!.approval.answers[0]).toMatchObject({
        granted: false,
        lead: 'lin',
      });
      expect(listReplyTemplates(store)).toEqual([
        expect.objectContaining({ outcome: 'eligible', language: 'zh', updatedBy: 'lin' }),
      ]);
      expect(listViews(store)).toEqual([
        expect.objectContaining({ name: '我的待办 open CNY', count: expect.any(Number) }),
      ]);
      const usage = rowsOf(before, 'usage_exports')[0]!;
      expect(getUsageExport(store, formatRef(usage.case_id as number)).text).toBe(usage.body);

      // Team sync: still a member, two events waiting, one case in conflict, one lost claim
      // unacknowledged and one provisional claim not yet pushed.
      expect(teamDesktopId(store)).not.toBeNull();
      expect(countWaiting(store)).toBe(2);
      expect(countCasesInConflict(store)).toBe(1);
      expect(listOpenConflicts(store, 13).map((conflict) => conflict.field)).toEqual(['contact']);
      expect(lostClaims(store)).toEqual([expect.objectContaining({ ref: 'RC-000025', holder: 'mei' })]);
      expect(unansweredClaims(store)).toEqual([]);
      const provisional = claimsIn(rowsOf(before, 'team_sync')).find(
        (claim) => claim.state === 'provisional',
      )!;
      expect(caseSyncStates(store, [formatRef(provisional.caseId)])).toEqual([
        expect.objectContaining({ state: 'waiting', provisionalClaim: true }),
      ]);
    } finally {
      store.close();
    }
  });

  it('takes a decision and a note after the migration, and its audit chain goes on', () => {
    const file = copyOfFixture();
    const store = openCopy(file);
    try {
      const ref = 'RC-000014';
      const detail = getCase(store, ref);
      const waitingBefore = countWaiting(store);
      addNote(store, ref, 'lin', '升级后复核 ✅');
      const change = recordDecision(store, { ref, agent: 'lin', revision: detail.summary.revision + 1 });
      expect(change.detail.decisions).toHaveLength(detail.decisions.length + 1);
      expect(change.detail.notes.at(-1)!.body).toBe('升级后复核 ✅');
      expect(countWaiting(store)).toBe(waitingBefore + 2);
      expect(verifyAudit(store).ok).toBe(true);
      expect(verifyAuditWithBackups(store)).toMatchObject({ ok: true, problems: [] });
    } finally {
      store.close();
    }
  });
});
