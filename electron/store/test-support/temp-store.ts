import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewCase } from '../../../shared/model/case';
import { createCase } from '../cases/cases';
import { openStore, type OpenOptions } from '../open';
import type { CaseStore } from '../core/store';

export const START = Date.parse('2026-03-02T02:00:00.000Z');

/** A clock tests move by hand. */
export function manualClock(start = START) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms), set: (ms: number) => void (now = ms) };
}

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'rc-store-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A real store file in a fresh temp folder; `cleanup` closes it and removes the folder. */
export function tempStore(options: Partial<OpenOptions> = {}) {
  const { dir, cleanup } = tempDir();
  const clock = manualClock();
  const file = join(dir, 'cases.sqlite');
  const store: CaseStore = openStore({ file, now: clock.now, autoBackup: false, ...options });
  return {
    store,
    dir,
    file,
    clock,
    cleanup: () => {
      store.close();
      cleanup();
    },
  };
}

export function sampleCase(overrides: Partial<NewCase> = {}): NewCase {
  return {
    customer: { name: 'Li Wei', accountId: 'acc-1001', contact: 'li.wei@example.com' },
    orderId: 'O-2026-0001',
    productName: 'SiteBuilder Pro',
    provider: 'Acme Cloud',
    facts: {
      productType: 'saas',
      paidAt: '2026-03-01T10:00:00+08:00',
      orderAmount: 19900,
      voucherAmount: 0,
      currency: 'CNY',
      invoiceIssued: false,
    },
    ...overrides,
  };
}

/**
 * A store file of 300 cases with a good backup taken two days in, whose live file was then
 * damaged (four pages overwritten); its backup folder is `<dir>/backups`.
 */
export async function damagedStoreFile(dir: string): Promise<string> {
  const file = join(dir, 'cases.sqlite');
  const first = openStore({ file, now: () => START });
  for (let i = 0; i < 300; i++) createCase(first, sampleCase({ orderId: `O-${i}` }), 'ann');
  await first.autoBackup;
  first.close();
  const later = openStore({ file, now: () => START + 2 * 86_400_000 });
  await later.autoBackup;
  later.close();
  const bytes = readFileSync(file);
  bytes.fill(0x5a, 4096 * 4, 4096 * 8);
  writeFileSync(file, bytes);
  return file;
}
