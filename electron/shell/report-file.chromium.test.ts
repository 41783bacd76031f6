import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS } from '../print';
import { withReportFile } from './report-file';

// Debian's Chromium, as the end-to-end tests drive it: the engine Electron prints with.
const CHROMIUM = '/usr/bin/chromium';

/** A report's HTML a little over 2 MiB: a long period's report is larger still. */
const REPORT = `<!doctype html><meta charset="utf-8"><title>r</title><p id="end">${'x'.repeat(2_200_000)}</p>`;

describe('loading a large report for printing, in Chromium', () => {
  let context: BrowserContext;
  const profile = mkdtempSync(path.join(tmpdir(), 'rc-report-file-'));

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    });
  });

  afterAll(async () => {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('fails as the data: URL the report used to be loaded as, where a small one loads', async () => {
    const page = await context.newPage();
    const loads = (html: string) =>
      page.goto(`data:text/html;charset=utf-8;base64,${Buffer.from(html).toString('base64')}`).then(
        () => page.locator('#end').count(),
        () => 0,
      );
    expect(await loads('<!doctype html><p id="end">small</p>')).toBe(1);
    expect(await loads(REPORT)).toBe(0);
    await page.close();
  });

  it('loads whole from the report file', async () => {
    const page = await context.newPage();
    const length = await withReportFile(REPORT, async (file) => {
      await page.goto(pathToFileURL(file).toString());
      return page.locator('#end').evaluate((element) => element.textContent?.length ?? 0);
    });
    expect(length).toBe(2_200_000);
    await page.close();
  });
});
