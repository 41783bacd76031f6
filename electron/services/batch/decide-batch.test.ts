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
          return csvLine([...cells, ...lists, d.windowClosesAt, d.policyVersion, null], true);
        })
        .join('');
    expect(readFileSync(out, 'utf8')).toBe(expected);
    expect(readFileSync(out, 'utf8')).toContain(`\r\n2,"'=HYPERLINK(""x"")",`);
  });
});
