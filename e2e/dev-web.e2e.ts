import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevWeb, type DevWeb } from '../electron/dev-web';
import type { CaseChange } from '../shared/model/case';
import { launch } from './harness';

const CHECKOUT = path.resolve(import.meta.dirname, '..');
const RENDERER = path.join(CHECKOUT, 'renderer');
const SQLITE_MAGIC = 'SQLite format 3';

/** GET with the path sent exactly as written (fetch would normalise "..", which is the point). */
function get(base: string, rawPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(base);
    const req = request({ hostname, port, path: rawPath, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('latin1') }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

async function api<T>(dev: DevWeb, method: string, payload: unknown): Promise<T> {
  const response = await fetch(`${dev.url}/api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${dev.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(payload),
  });
  const result = (await response.json()) as { ok: boolean; value: T };
  expect(result.ok).toBe(true);
  return result.value;
}

/** A store kept where an agent might keep one: inside the served root, or elsewhere in the checkout. */
function storeUnder(parent: string): { dir: string; file: string } {
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(path.join(parent, 'store-'));
  return { dir, file: path.join(dir, 'cases.sqlite') };
}

/** Every way a URL can name the store's files: /@fs/, an escaped "..", Vite's query forms, a plain path. */
function attacks(file: string, backup: string): string[] {
  const fromRoot = path.relative(RENDERER, file).split(path.sep);
  const escaped = (separator: string) => `/${fromRoot.join(separator)}`;
  const climbs = path.relative(CHECKOUT, file).split(path.sep).join('%2f');
  return [
    `/@fs${file}`,
    `/@fs${file}?raw`,
    `/@fs${file}?import&raw`,
    `/@fs${file}?url`,
    `/@fs${file}-wal`,
    `/@fs${backup}`,
    `/@fs${backup}?raw`,
    `/@fs${encodeURI(file).replaceAll('/', '%2f')}`,
    escaped('/'),
    escaped('%2f'),
    `/..%2f${climbs}`,
    `/%2e%2e/${path.relative(CHECKOUT, file)}`,
    `/%252e%252e%252f${climbs}`,
    `/@fs${CHECKOUT}/package.json`,
  ];
}

describe.each([
  ['inside the served root (renderer/)', path.join(RENDERER, '.dev-web-e2e')],
  ['elsewhere in the checkout', path.join(CHECKOUT, '.dev-web-e2e')],
])('npm run dev:web with the store %s', (_where, parent) => {
  let store: { dir: string; file: string };
  let dev: DevWeb;
  let backup: string;

  beforeAll(async () => {
    store = storeUnder(parent);
    dev = await startDevWeb({ dbFile: store.file, port: 0, logLevel: 'error' });
    await api(dev, 'settings.set', { agentName: 'Mei Lin' });
    await api<CaseChange>(dev, 'cases.create', {
      customer: { name: 'Harbin Dumpling Co', accountId: 'acc-1' },
      orderId: 'O-1',
      productName: 'SiteBuilder',
      provider: 'Northwind Cloud',
      facts: { productType: 'saas', orderAmount: 19900, currency: 'CNY' },
    });
    await api(dev, 'backups.create', {});
    const backups = path.join(store.dir, 'backups');
    backup = path.join(backups, readdirSync(backups)[0]!);
  });
  afterAll(async () => {
    await dev?.close();
    rmSync(parent, { recursive: true, force: true });
  });

  it('never serves the store, its journal or its backups, nor anything outside the sources', async () => {
    for (const attack of attacks(store.file, backup)) {
      const answer = await get(dev.url, attack);
      expect.soft(answer.status, attack).toBeGreaterThanOrEqual(400);
      expect.soft(answer.body.includes(SQLITE_MAGIC), attack).toBe(false);
    }
  });

  it('still serves the renderer’s own sources, client.ts under renderer/api/ included, and proxies the API', async () => {
    for (const source of ['/', '/main.tsx', '/api/client.ts', '/api/transports.ts']) {
      const answer = await get(dev.url, source);
      expect.soft(answer.status, source).toBe(200);
    }
    expect((await get(dev.url, '/api/client.ts')).body).toContain('createClient');
    expect(await api<{ total: number }>(dev, 'cases.list', {})).toMatchObject({ total: 1 });
  });
});

describe('the URL npm run dev:web prints under "open"', () => {
  const parent = path.join(CHECKOUT, '.dev-web-e2e');
  let dev: DevWeb;
  let browser: Awaited<ReturnType<typeof launch>>;

  beforeAll(async () => {
    dev = await startDevWeb({ dbFile: storeUnder(parent).file, port: 0, logLevel: 'error' });
    await api<CaseChange>(dev, 'cases.create', {
      customer: { name: 'Lanzhou Noodle Works', accountId: 'acc-2' },
      orderId: 'O-2',
      productName: 'Ops Care',
      provider: 'Northwind Cloud',
      facts: { productType: 'service' },
    });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await dev?.close();
    rmSync(parent, { recursive: true, force: true });
  });

  it('opens a working console: the queue renders the store’s cases', async () => {
    const { page } = browser;
    const failures: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${dev.url}/#token=${dev.token}`);
    await page.locator('.queue-row', { hasText: 'Lanzhou Noodle Works' }).waitFor({ timeout: 30_000 });
    expect(failures).toEqual([]);
  });
});
