import fc from 'fast-check';
import iconv from 'iconv-lite';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCase, seededRandom } from '../../store/test-support/generate';
import { START, tempStore } from '../../store/test-support/temp-store';
import { decideBatch } from '../batch';
import { CsvFile, CsvFileError } from '../csv';
import { CANONICAL_HEADER, CHINESE_HEADER, csvText, orderRow } from '../test-support/order-files';
import { runImport } from '.';

/**
 * Broken order files, as an attacker or a careless export makes them: a valid file, mutated
 * (stray and missing quotes, other separators, line ends in odd places, truncation, stray
 * bytes), saved in the encodings marketplaces use. Each must answer within seconds: a summary
 * naming its rows, or (decide --batch) a file error naming its row; never a hang, never
 * another exception. Bounded: two thousand small files in about 12 s on two busy cores.
 */
const env = tempStore();
afterAll(() => env.cleanup());
let files = 0;

const ANSWER_WITHIN_MS = 5_000;
const RUNS = 2_000;
// An import costs about ten times a read (its staging table, each row checked as a new case).
const DEEP_EVERY = 5;

const random = seededRandom(11);
const BASES = [CANONICAL_HEADER, CHINESE_HEADER].map((header, i) => {
  const dialect = i === 0 ? 'canonical' : 'chinese';
  const rows = Array.from({ length: 12 }, (_, n) => orderRow(generateCase(random, n, START), dialect));
  rows[3]![1] = 'Acme, "Ltd"'; // a cell quoted as it should be
  rows[7]![1] = '第一行\r\n第二行';
  return csvText(header, rows);
});

type TextMutation = (text: string, at: number) => string;
const TEXT_MUTATIONS: Record<string, TextMutation> = {
  quote: (text, at) => `${text.slice(0, at)}"${text.slice(at)}`,
  quoteInHeader: (text, at) => text.replace(',', `,${text.charAt(at % 5) === ',' ? '"' : 'x"'}`),
  dropChar: (text, at) => text.slice(0, at) + text.slice(at + 1),
  semicolons: (text) => text.replaceAll(',', ';'),
  tabs: (text) => text.replaceAll(',', '\t'),
  fullWidthComma: (text, at) => text.slice(0, at) + text.slice(at).replace(',', '，'),
  lineFeed: (text, at) => `${text.slice(0, at)}\n${text.slice(at)}`,
  carriageReturn: (text, at) => `${text.slice(0, at)}\r${text.slice(at)}`,
  truncate: (text, at) => text.slice(0, at),
  repeat: (text, at) => text.slice(0, at) + text.slice(at - 40, at + 40) + text.slice(at),
  quoteAround: (text, at) => `${text.slice(0, at)}"x""y${text.slice(at)}`,
  oddCharacters: (text, at) => `${text.slice(0, at)}\uFFFD😀\u0000\uFEFF${text.slice(at)}`,
};
const ENCODINGS = ['utf8', 'utf8-bom', 'gb18030', 'utf16le-bom', 'utf16be-bom', 'latin1'] as const;

function encode(text: string, encoding: (typeof ENCODINGS)[number]): Buffer {
  const [name, bom] = encoding.split('-') as [string, string | undefined];
  return iconv.encode(text, name, { addBOM: bom === 'bom' });
}

// Where in the file, as a fraction of it (fast-check's doubles crowd at the edges).
const place = fc.nat({ max: 9_999 }).map((n) => n / 10_000);

const brokenFile = fc.record({
  base: fc.constantFrom(...BASES),
  mutations: fc.array(fc.tuple(fc.constantFrom(...Object.keys(TEXT_MUTATIONS)), place), {
    minLength: 1,
    maxLength: 4,
  }),
  encoding: fc.constantFrom(...ENCODINGS),
  // A stray byte, then a cut that may fall inside a character.
  strayByte: fc.option(fc.tuple(fc.integer({ min: 0, max: 255 }), place)),
  cutBytes: fc.option(place),
});

type BrokenFile = typeof brokenFile extends fc.Arbitrary<infer F> ? F : never;

function bytesOf(file: BrokenFile): Buffer {
  let text = file.base;
  // Mostly past the header, so that most files get as far as their rows.
  const rowsFrom = text.indexOf('\n') + 1;
  for (const [name, where] of file.mutations) {
    text = TEXT_MUTATIONS[name]!(text, rowsFrom + Math.floor(where * (text.length - rowsFrom)));
  }
  let bytes = encode(text, file.encoding);
  if (file.strayByte !== null) {
    const [byte, where] = file.strayByte;
    const at = Math.floor(where * bytes.length);
    bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from([byte]), bytes.subarray(at)]);
  }
  if (file.cutBytes !== null) bytes = bytes.subarray(0, Math.floor(file.cutBytes * bytes.length));
  return bytes;
}

function withinSeconds<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} did not answer within ${ANSWER_WITHIN_MS} ms`)),
      ANSWER_WITHIN_MS,
    );
  });
  return Promise.race([work, hung]).finally(() => clearTimeout(timer));
}

const discard = () => new Writable({ write: (_chunk, _encoding, done) => done() });

/** Reads the file as every reader of order files does: its records, or an error naming its row. */
async function readAll(file: string): Promise<void> {
  try {
    const csv = await CsvFile.open(file);
    for await (const _ of csv.batches({ hash: false }));
  } catch (error) {
    if (!(error instanceof CsvFileError)) throw error;
    expect(error.row).toBeGreaterThanOrEqual(1);
  }
}

async function checkFile(bytes: Buffer, options: { deep: boolean; skipBadRows: boolean; workers: number }) {
  const file = join(env.dir, `broken-${files++}.csv`);
  writeFileSync(file, bytes);
  await withinSeconds(readAll(file), 'reading the file');
  if (!options.deep) return;
  const summary = await withinSeconds(
    runImport(env.store, { file, actor: 'fuzz', dryRun: true, skipBadRows: options.skipBadRows }),
    'the import',
  );
  // A file that is read is read whole; one that is not names the row where it stopped.
  expect(summary.committed).toBe(false);
  if (summary.errorCount === 0) expect(summary.rows).toBeGreaterThan(0);
  for (const problem of summary.errors) expect(problem.row).toBeGreaterThanOrEqual(1);
  const batch = decideBatch({ file, out: discard(), now: START, workers: options.workers }).then(
    (result) => expect(result.rows).toBeGreaterThanOrEqual(0),
    (error: unknown) => {
      if (!(error instanceof CsvFileError)) throw error;
      expect(error.row).toBeGreaterThanOrEqual(1);
    },
  );
  await withinSeconds(batch, 'decide --batch');
}

describe('broken order files: every one answers, quickly', { timeout: 120_000 }, () => {
  it(`${RUNS} mutated files read; one in ${DEEP_EVERY} also imported (a dry run) and decided as a batch`, async () => {
    const started = performance.now();
    const deep = fc.nat({ max: DEEP_EVERY - 1 }).map((n) => n === 0);
    await fc.assert(
      fc.asyncProperty(brokenFile, deep, fc.boolean(), async (file, deep, skipBadRows) =>
        checkFile(bytesOf(file), { deep, skipBadRows, workers: 0 }),
      ),
      // No shrinking: a file that hangs would cost the timeout at every step. The failure
      // report gives the seed and the file's recipe to replay it.
      { numRuns: RUNS, seed: 25, endOnFailure: true },
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(`${RUNS} broken files in ${seconds.toFixed(1)} s`);
  });

  it('and on worker threads, a few of them', async () => {
    const samples = fc.sample(brokenFile, { numRuns: 2, seed: 26 });
    for (const file of samples)
      await checkFile(bytesOf(file), { deep: true, skipBadRows: false, workers: 1 });
  });
});
