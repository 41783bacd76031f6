import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decide } from '../../../shared/policy';
import { csvLine } from '../csv';
import { generateCase, seededRandom } from '../../store/test-support/generate';
import { CANONICAL_HEADER, csvText, orderRow } from '../test-support/order-files';
import { BATCH_COLUMNS, decideBatch } from '.';

const NOW = Date.parse('2026-03-02T00:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'decide-batch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('decideBatch output', () => {
  it('writes each decided row as the CSV of its decision, order ids quoted and neutralised', async () => {
    const random = seededRandom(11);
    const cases = Array.from({ length: 300 }, (_, i) => generateCase(random, i, NOW));
    const rows = cases.map((c) => orderRow(c, 'canonical'));
    // Order ids a spreadsheet would run, or that need quotes.
    const ids = ['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)', 'a,b', 'say "hi"'];
    ids.forEach((id, i) => (rows[i]![0] = id));
    const input = join(dir, 'orders.csv');
    writeFileSync(input, csvText(CANONICAL_HEADER, rows));
    const out = join(dir, 'decisions.csv');
    const summary = await decideBatch({ file: input, out, now: NOW });
    expect(summary).toMatchObject({ rows: 300, decided: 300, errorCount: 0 });

    const expected =
      csvLine(BATCH_COLUMNS, true) +
      cases
        .map((c, i) => {
          // The file carries the facts every kind has, not the kind's own.
          const { productType, paidAt, requestedAt, orderAmount, voucherAmount, currency, invoiceIssued } =
            c.facts;
          const facts = {
            productType,
            paidAt,
            requestedAt,
            orderAmount,
            voucherAmount,
            currency,
            invoiceIssued,
          };
          const d = decide(facts, { now: NOW });
          const cells = [i + 2, rows[i]![0]!, d.outcome, d.refundAmount, d.currency];
          const lists = [d.clauses.join(';'), d.missing.join(';')];
          const closes = d.windowClosesAt === null ? null : inPolicyZone(d.windowClosesAt);
          return csvLine([...cells, ...lists, closes, d.policyVersion, d.policyRevision, null], true);
        })
        .join('');
    expect(readFileSync(out, 'utf8')).toBe(expected);
    expect(readFileSync(out, 'utf8')).toContain(`\r\n2,"'=HYPERLINK(""x"")",`);
  });
});

// "2026-03-06T02:00:00.000Z" as the export writes instants: "2026-03-06T10:00:00+08:00".
const inPolicyZone = (iso: string) =>
  `${new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;

describe('decideBatch: its header and options', () => {
  const input = (header: string[], rows: string[][]) => {
    const path = join(dir, `in-${Math.random().toString(36).slice(2)}.csv`);
    writeFileSync(path, csvText(header, rows));
    return path;
  };
  const someRows = () => {
    const random = seededRandom(5);
    return Array.from({ length: 3 }, (_, i) => orderRow(generateCase(random, i, NOW), 'canonical'));
  };

  it('says the unit of its amounts and the policy revision in its header', () => {
    expect(BATCH_COLUMNS).toContain('refundAmount (fen)');
    expect(BATCH_COLUMNS).toContain('policyRevision');
  });

  it('refuses headers it does not know, listing the ones it does', async () => {
    const header = CANONICAL_HEADER.map((h) => (h === 'productType' ? 'product_type' : h));
    const refused = decideBatch({ file: input(header, someRows()), out: join(dir, 'x.csv'), now: NOW });
    await expect(refused).rejects.toThrow(
      /^unknown column "product_type": the columns read are orderId, .*productType.*, 订单号/,
    );
  });

  it('starts with a byte order mark for Excel when asked', async () => {
    const out = join(dir, 'excel.csv');
    await decideBatch({ file: input(CANONICAL_HEADER, someRows()), out, now: NOW, excelFriendly: true });
    expect(readFileSync(out, 'utf8').startsWith('\uFEFFrow,orderId,')).toBe(true);
  });
});
