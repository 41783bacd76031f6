import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { QueueQuerySchema } from '../../shared/model/queue';
import { listAudit, verifyAudit } from './core/audit';
import { getCase } from './cases/case-detail';
import { updateFacts } from './cases/cases';
import { recordDecision } from './cases/decisions';
import { getDraft } from './cases/drafts';
import { LATEST_VERSION } from './core/migrations';
import { addNote } from './cases/notes';
import { openStore } from './open';
import { listCases } from './cases/queue';
import { formatRef } from './core/refs';
import { searchCases } from './cases/search';
import { getSettings } from './cases/settings';
import { copyOfFixture as copyFixture } from './test-support/fixtures';

/**
 * fixtures/release-0.1.0.sqlite was written by release 0.1.0's own code (commit 0c6671a,
 * through its API handlers): 31 cases of every product kind (25 created one by one, 6 by one
 * import), 12 decisions including an override and a re-decision, notes, drafts in both
 * languages, settings and status changes. It is never regenerated: it stands for the files
 * agents already have.
 */
const TABLES = ['cases', 'decisions', 'notes', 'drafts', 'settings', 'audit'] as const;

type Rows = Record<(typeof TABLES)[number], Record<string, unknown>[]>;

function readAll(file: string): Rows {
  const db = new Database(file, { readonly: true });
  try {
    const rows = {} as Rows;
    for (const table of TABLES)
      rows[table] = db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all() as never;
    return rows;
  } finally {
    db.close();
  }
}

let cleanup = () => {};
afterEach(() => cleanup());

function copyOfFixture(): string {
  const copy = copyFixture('release-0.1.0.sqlite');
  cleanup = copy.cleanup;
  return copy.file;
}

describe('a store written by release 0.1.0', () => {
  it('opens, migrates and keeps every case, decision, note, draft, setting and audit row', () => {
    const file = copyOfFixture();
    const before = readAll(file);
    expect(before.cases).toHaveLength(31);
    expect(new Set(before.cases.map((row) => row.product_type))).toEqual(
      new Set(['saas', 'service', 'image', 'api', 'rtc_package']),
    );
    expect(before.decisions.filter((row) => row.override_justification !== null)).toHaveLength(1);

    const store = openStore({ file, autoBackup: false, now: () => Date.parse('2026-03-11T00:00:00Z') });
    try {
      expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(store.db.pragma('foreign_key_check')).toEqual([]);
      // Read as the app reads them: every case with its decisions and notes, as stored before.
      for (const row of before.cases) {
        const detail = getCase(store, formatRef(row.id as number));
        expect(detail.summary).toMatchObject({ customerName: row.customer_name, status: row.status });
        expect(detail.summary.revision).toBe(1);
        expect(detail.facts).toEqual(JSON.parse(row.facts as string));
        const own = (rows: Record<string, unknown>[]) => rows.filter((r) => r.case_id === row.id);
        expect(
          detail.decisions.map((d) => [d.id, d.recordedOutcome, d.override?.justification ?? null]),
        ).toEqual(own(before.decisions).map((d) => [d.id, d.recorded_outcome, d.override_justification]));
        expect(detail.notes.map((note) => note.body)).toEqual(own(before.notes).map((note) => note.body));
        for (const draft of own(before.drafts)) {
          expect(getDraft(store, detail.summary.ref, draft.language as string).body).toBe(draft.body);
        }
      }
      expect(getSettings(store)).toMatchObject({ agentName: 'Mei Lin', language: 'zh' });
      expect(listCases(store, QueueQuerySchema.parse({})).total).toBe(31);
      expect(searchCases(store, '客户来电', 50).length).toBeGreaterThan(0);
      // Its cases were re-indexed with CJK pairs: the middle of a Chinese product name matches.
      const products = (text: string) => searchCases(store, text, 50).map((item) => item.productName);
      expect(products('业版')).toEqual(expect.arrayContaining(['SiteBuilder 专业版', 'OCR API 专业版']));
      expect(products('业版').every((name) => name.includes('业版'))).toBe(true);
      expect(searchCases(store, '敏', 50).map((item) => item.customerName)).toEqual([]);
      const zhangMin = searchCases(store, '张敏', 50).map((item) => item.customerName);
      expect(zhangMin.length).toBeGreaterThan(0);
      expect(zhangMin.every((name) => name === '张敏')).toBe(true);
      expect(listAudit(store, 'RC-000030').map((entry) => entry.action)).toEqual(['cases.import']);
      expect(verifyAudit(store)).toEqual({ ok: true, rows: before.audit.length, firstBadSeq: null });
    } finally {
      store.close();
    }

    // Row for row, nothing changed but the new columns: the revision, and no override amount.
    const after = readAll(file);
    expect(after.cases.map(({ revision, ...rest }) => (expect(revision).toBe(1), rest))).toEqual(
      before.cases,
    );
    expect(
      after.decisions.map(({ override_amount, ...rest }) => (expect(override_amount).toBeNull(), rest)),
    ).toEqual(before.decisions);
    for (const table of TABLES.filter((name) => name !== 'cases' && name !== 'decisions'))
      expect(after[table]).toEqual(before[table]);
  });

  it('takes new changes on its old cases, revisions counting from 1, and its chain goes on', () => {
    const file = copyOfFixture();
    const store = openStore({ file, autoBackup: false, now: () => Date.parse('2026-03-11T00:00:00Z') });
    try {
      const detail = getCase(store, 'RC-000002');
      updateFacts(store, 'RC-000002', { ...detail.facts, voucherAmount: 0 }, 'Mei Lin', 1);
      addNote(store, 'RC-000002', 'Mei Lin', 'checked after the upgrade');
      const change = recordDecision(store, { ref: 'RC-000002', agent: 'Mei Lin', revision: 3 });
      expect(change.detail.summary.revision).toBe(4);
      expect(change.detail.decisions.length).toBe(detail.decisions.length + 1);
      expect(verifyAudit(store).ok).toBe(true);
    } finally {
      store.close();
    }
  });
});
