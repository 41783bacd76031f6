import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvFileError } from './encoding';
import { CsvFile, type CsvRecord } from './read';

const dir = mkdtempSync(join(tmpdir(), 'csv-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

async function recordsOf(content: string | Buffer): Promise<CsvRecord[]> {
  const path = join(dir, `f${files++}.csv`);
  writeFileSync(path, content);
  const file = await CsvFile.open(path);
  const records: CsvRecord[] = [];
  for await (const batch of file.batches()) records.push(...batch);
  return records;
}

/**
 * What csv-parse alone reads from the whole text (after the one byte order mark the decoder
 * takes off), numbered and with blank lines left out as read.ts does.
 */
function csvParseOf(text: string): CsvRecord[] {
  const decoded = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const all = parse(decoded, { relax_column_count: true, bom: true }) as string[][];
  return all.flatMap((cells, index) =>
    cells.length === 1 && cells[0] === '' ? [] : [{ row: index + 1, cells }],
  );
}

describe('CsvFile: plain lines split directly, the rest by csv-parse, with the same records', () => {
  it('reads an unquoted file, LF or CRLF, with or without a BOM, a blank line and no final line end', async () => {
    for (const end of ['\n', '\r\n']) {
      for (const bom of ['', '\uFEFF']) {
        const text = `${bom}a,b,c${end}1,2,3${end}${end}x,,z${end}last,row,here`;
        const records = await recordsOf(text);
        expect(records).toEqual([
          { row: 1, cells: ['a', 'b', 'c'] },
          { row: 2, cells: ['1', '2', '3'] },
          { row: 4, cells: ['x', '', 'z'] },
          { row: 5, cells: ['last', 'row', 'here'] },
        ]);
        expect(records).toEqual(csvParseOf(text));
      }
    }
  });

  it('hands quoted cells, embedded newlines and doubled quotes to csv-parse from that line on', async () => {
    const text = 'id,note\r\n1,plain\r\n2,"two\r\nlines, and ""quotes"""\r\n3,after\r\n';
    expect(await recordsOf(text)).toEqual([
      { row: 1, cells: ['id', 'note'] },
      { row: 2, cells: ['1', 'plain'] },
      { row: 3, cells: ['2', 'two\r\nlines, and "quotes"'] },
      { row: 4, cells: ['3', 'after'] },
    ]);
  });

  it('reads a line end other than the first the way csv-parse does (as part of a cell)', async () => {
    for (const text of ['a,b\nc,d\r\ne,f\n', 'a,b\r\nc,d\ne,f\r\n', 'a,b\rc,d\r', 'a,b\nc,d\re,f']) {
      expect(await recordsOf(text)).toEqual(csvParseOf(text));
    }
  });

  it('reads a UTF-16 file with its BOM and a GB18030 file the same way', async () => {
    const text = 'a,b\r\n甲,乙\r\n';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(await recordsOf(utf16)).toEqual(csvParseOf(text));
  });

  it('gives the records csv-parse gives on generated files', async () => {
    const cell = fc.oneof(
      fc.stringMatching(/^[a-z0-9 .:+-]{0,12}$/),
      fc.constantFrom('', '"q"', '"a,b"', '"x\r\ny"', '"x\ny"', '是', '\uFEFF'),
    );
    const line = fc.array(cell, { minLength: 1, maxLength: 5 }).map((cells) => cells.join(','));
    const file = fc.tuple(
      fc.array(line, { minLength: 1, maxLength: 40 }),
      fc.constantFrom('\n', '\r\n'),
      fc.boolean(),
      fc.boolean(),
    );
    await fc.assert(
      fc.asyncProperty(file, async ([lines, end, bom, finalEnd]) => {
        const text = `${bom ? '\uFEFF' : ''}${lines.join(end)}${finalEnd ? end : ''}`;
        let expected: CsvRecord[];
        try {
          expected = csvParseOf(text);
        } catch {
          await expect(recordsOf(text)).rejects.toThrow();
          return;
        }
        expect(await recordsOf(text)).toEqual(expected);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('splits a large file across read chunks exactly, and hands over to csv-parse in a later chunk', async () => {
    const lines = Array.from({ length: 40_000 }, (_, i) => `O-${i},name ${i},${i * 3}`);
    const text = `orderId,name,amount\r\n${lines.join('\r\n')}\r\n`;
    const records = await recordsOf(text);
    expect(records).toHaveLength(40_001);
    expect(records[12_345]).toEqual({ row: 12_346, cells: ['O-12344', 'name 12344', String(12_344 * 3)] });
    expect(records).toEqual(csvParseOf(text));
    // A quoted cell with a line break some 600 KB in: the chunks before it are split plainly.
    lines[30_000] = 'O-30000,"name\r\n30000",90000';
    const mixed = `orderId,name,amount\r\n${lines.join('\r\n')}`;
    expect(await recordsOf(mixed)).toEqual(csvParseOf(mixed));
  });

  it('hashes what it reads unless told not to, and then has no digest to give', async () => {
    const path = join(dir, `f${files++}.csv`);
    writeFileSync(path, 'a,b\r\n1,2\r\n');
    const hashed = await CsvFile.open(path);
    for await (const _ of hashed.batches());
    expect(hashed.digest()).toBe(createHash('sha256').update('a,b\r\n1,2\r\n').digest('hex'));
    const unhashed = await CsvFile.open(path);
    for await (const _ of unhashed.batches({ hash: false }));
    expect(() => unhashed.digest()).toThrow('without hashing it');
  });
});

/** How reading a file ended: its records, or the row and cell of the error; never a hang. */
async function outcomeOf(
  content: string | Buffer,
): Promise<{ row: number; cell: number | null; message: string }> {
  const hung = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error('the read did not end within 5 s')), 5000).unref(),
  );
  const read = recordsOf(content).then(
    () => {
      throw new Error('the file was read without an error');
    },
    (error: unknown) => {
      if (!(error instanceof CsvFileError)) throw error;
      return { row: error.row, cell: error.cell, message: error.message };
    },
  );
  return Promise.race([read, hung]);
}

describe('CsvFile: a file csv-parse cannot read ends the read, with the row and cell named', () => {
  it('a stray double quote inside a cell, a quote never closed, text after a closing quote', async () => {
    expect(await outcomeOf('id,name\n1,a"b\n2,c\n')).toEqual({
      row: 2,
      cell: 1,
      message: expect.stringMatching(/^a double quote inside a cell that does not begin with one/),
    });
    expect(await outcomeOf('id,name\r\n\r\n1,x\r\n2,"ab\r\n3,c\r\n')).toEqual({
      row: 4,
      cell: 1,
      message: expect.stringMatching(/^a double quote opens this cell and is never closed/),
    });
    expect(await outcomeOf('id,name\n1,"a"b\n2,c')).toMatchObject({ row: 2, cell: 1 });
    expect(await outcomeOf('"id,name\n1,x\n')).toMatchObject({ row: 1, cell: 0 });
  });

  it('names the row in a later read chunk, after plain lines and quoted records', async () => {
    const lines = Array.from({ length: 30_000 }, (_, i) => `O-${i},name ${i},${i * 3}`);
    lines[100] = 'O-100,"quoted, fine",300';
    lines[25_000] = 'O-25000,Zoë "Z" Müller,75000';
    expect(await outcomeOf(`orderId,name,amount\n${lines.join('\n')}\n`)).toMatchObject({
      row: 25_002,
      cell: 1,
    });
    lines[100] = 'O-100,plain,300';
    expect(await outcomeOf(`orderId,name,amount\n${lines.join('\n')}\n`)).toMatchObject({
      row: 25_002,
      cell: 1,
    });
  });
});
