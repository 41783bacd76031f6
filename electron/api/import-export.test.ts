import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api } from '../../shared/ipc/contract';
import { CANONICAL_HEADER, csvText, orderRow } from '../services/test-support/order-files';
import { generateCase, seededRandom } from '../store/test-support/generate';
import { START, tempStore } from '../store/test-support/temp-store';
import { createHandlers, type Handlers } from './handlers';

let env: ReturnType<typeof tempStore>;
let h: Handlers;
let orders: string;
beforeEach(() => {
  env = tempStore();
  h = createHandlers(env.store);
  const random = seededRandom(5);
  orders = join(env.dir, 'orders.csv');
  writeFileSync(
    orders,
    csvText(
      CANONICAL_HEADER,
      Array.from({ length: 8 }, (_, i) => orderRow(generateCase(random, i, START), 'canonical')),
    ),
  );
});
afterEach(() => env.cleanup());

describe('imports and exports through the API', () => {
  it('previews without writing, then imports; a second import adds nothing', async () => {
    const preview = await h['imports.preview']({ file: orders });
    expect(preview.ok && api['imports.preview'].response.parse(preview.value)).toMatchObject({
      added: 8,
      committed: false,
      preview: expect.arrayContaining([expect.objectContaining({ orderId: 'O-2026-00000000' })]),
    });
    const run = await h['imports.run']({ file: orders, agent: 'ann' });
    expect(run.ok && run.value).toMatchObject({ added: 8, committed: true, firstRef: 'RC-000001' });
    const again = await h['imports.run']({ file: orders, agent: 'ann' });
    expect(again.ok && again.value).toMatchObject({ added: 0, duplicates: 8 });
  });

  it('refuses relative paths and unknown fields with the field path', async () => {
    expect(await h['imports.run']({ file: 'orders.csv', agent: 'ann' })).toEqual({
      ok: false,
      error: { code: 'invalid_request', message: 'file: must be an absolute path' },
    });
    expect(await h['exports.write']({ format: 'csv', file: join(env.dir, 'x.exe') })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', message: 'file: must end with .csv, .json, .xlsx' },
    });
    expect(
      await h['exports.write']({ format: 'csv', file: join(env.dir, 'x.csv'), filter: { kind: ['car'] } }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('exports to a new file and never overwrites one', async () => {
    await h['imports.run']({ file: orders, agent: 'ann' });
    const file = join(env.dir, 'out.json');
    const written = await h['exports.write']({ format: 'json', file, filter: { dates: 'created' } });
    expect(written).toEqual({ ok: true, value: { file, rows: 8 } });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toHaveLength(8);
    expect(await h['exports.write']({ format: 'json', file })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });
});
