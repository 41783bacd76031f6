import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvFile } from '../../../electron/services/csv';
import { detectMapping, readRow } from '../../../shared/import';
import { problemText } from './problem-text';

/** The engine's own message for one bad cell, so a change of its wording fails here. */
function messageFor(header: string, cell: string): string {
  const mapping = detectMapping([header]);
  if (!mapping.ok) throw new Error(mapping.message);
  const read = readRow([cell], 2, mapping.mapping, 'facts');
  if (read.ok) throw new Error(`"${cell}" was read`);
  return read.problem.message;
}

describe('problemText', () => {
  it('says the engine’s cell problems again in Chinese with the same values', () => {
    expect(problemText(messageFor('orderAmount_yuan', '199.005'), 'zh')).toBe(
      '"199.005" 有 3 位小数；CNY 金额最多 2 位',
    );
    expect(problemText(messageFor('orderAmount', 'lots'), 'zh')).toBe('"lots" 不是金额（例如 19900）');
    expect(problemText(messageFor('paidAt', '2026-03-01 10:00:00'), 'zh')).toBe(
      '"2026-03-01 10:00:00" 没有时区偏移：请写上（例如 +08:00），或说明不带偏移的时间属于哪个时区',
    );
    expect(problemText(messageFor('invoiceIssued', 'maybe'), 'zh')).toBe(
      '"maybe" 不是"是"或"否"（true/false、是/否、1/0）',
    );
    expect(problemText(messageFor('productType', 'car'), 'zh')).toMatch(/^"car" 不是已知的商品类型（saas/);
  });

  it('says file and header problems in Chinese', () => {
    expect(problemText('the header lacks the columns orderId, accountId', 'zh')).toBe(
      '表头缺少列：orderId, accountId',
    );
    expect(problemText('has 2 cells where the header has 12', 'zh')).toBe('有 2 个单元格，而表头有 12 列');
  });

  it('says why the file cannot be read as CSV in Chinese', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'problem-text-'));
    try {
      for (const [text, zh] of [
        ['id,name\n1,a"b\n', /^单元格中间有双引号/],
        ['id,name\n1,"a"b\n', /^单元格的结束双引号后还有文字/],
        ['id,name\n1,"ab\n', /^此单元格以双引号开头，但双引号没有闭合$/],
      ] as const) {
        writeFileSync(join(dir, 'f.csv'), text);
        const file = await CsvFile.open(join(dir, 'f.csv'));
        const read = (async () => {
          for await (const _ of file.batches());
        })();
        const error = await read.then(
          () => null,
          (failure: Error) => failure,
        );
        expect(problemText(error!.message, 'zh')).toMatch(zh);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps English as it is, and an unknown sentence as it came', () => {
    expect(problemText('"x" is too large', 'en')).toBe('"x" is too large');
    expect(problemText('something new', 'zh')).toBe('something new');
  });
});
