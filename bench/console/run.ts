import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { startHost } from '../../electron/host';
import { launch } from '../../e2e/harness';
import { seedStore } from './seed';

/**
 * `npm run bench:console` (BENCH_CASES, default 100k): the console in Debian Chromium against a
 * seeded store, served by the loopback host exactly as dev:web and the e2e tests serve it.
 */
const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const SCROLL_STEPS = Number(process.env.BENCH_SCROLL_STEPS ?? 600);
const OUT = path.resolve('out/renderer');

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;
const summary = (values: number[]) =>
  `median ${ms(quantile(values, 0.5))}, p95 ${ms(quantile(values, 0.95))}, max ${ms(Math.max(...values))}`;

function shippedJsGzip(): { files: number; raw: number; gzip: number } {
  const assets = path.join(OUT, 'assets');
  const js = readdirSync(assets).filter((name) => name.endsWith('.js'));
  const bytes = js.map((name) => readFileSync(path.join(assets, name)));
  return {
    files: js.length,
    raw: bytes.reduce((sum, b) => sum + b.length, 0),
    gzip: bytes.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0),
  };
}

/** From navigation start to the first queue row painted, as the page's own clock sees it. */
async function firstRowVisible(page: Page): Promise<number> {
  // A reload, not goto: the token fragment is gone after the first load, and a goto that only
  // changes the fragment would not load the page again.
  await page.reload({ waitUntil: 'commit' });
  await page.locator('.queue-row').first().waitFor();
  return page.evaluate(
    () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now()))),
  );
}

/** From navigation start to the dashboard's figures and charts painted (the default 7 days). */
async function dashboardVisible(page: Page): Promise<number> {
  await page.reload({ waitUntil: 'commit' });
  await page.locator('[data-figure="by-outcome"] svg').waitFor();
  return page.evaluate(
    () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now()))),
  );
}

/** In-app: from choosing "Last 30 days" to its figures painted. */
async function dashboardPreset(page: Page, preset: string, before: string): Promise<number> {
  const started = await page.evaluate(() => performance.now());
  await page.getByLabel(preset).check();
  await page.waitForFunction(
    (text) => document.querySelector('.dashboard .muted')?.textContent !== text,
    before,
  );
  await page.locator('[data-figure="by-outcome"] svg').waitFor();
  return (
    (await page.evaluate(
      () => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now()))),
    )) - started
  );
}

const DAY_MS = 86_400_000;
/** The start of tomorrow in the policy zone: the end of a period that takes in today. */
const endOfToday = () =>
  Date.parse(`${new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)}T00:00:00+08:00`) + DAY_MS;
const policyDate = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

/** One API call over loopback HTTP, timed from the request to the parsed answer. */
async function timedCall(url: string, token: string, method: string, payload: unknown) {
  const started = performance.now();
  const response = await fetch(`${url}/api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(payload),
  });
  const answer = (await response.json()) as { ok: boolean; value: unknown };
  if (!answer.ok) throw new Error(`${method}: ${JSON.stringify(answer)}`);
  return { ms: performance.now() - started, value: answer.value };
}

/** The period report (figures and HTML, no replay) of the last `days` days, whole days. */
async function periodReport(url: string, token: string, days: number) {
  const to = endOfToday();
  const { ms, value } = await timedCall(url, token, 'reports.period', {
    from: new Date(to - days * DAY_MS).toISOString(),
    to: new Date(to).toISOString(),
    replay: false,
  });
  return { ms, cases: (value as { figures: { decidedCases: number } }).figures.decidedCases };
}

/** The dashboard's own call for the last `days` days. */
async function dashboardCall(url: string, token: string, days: number) {
  const last = endOfToday() - DAY_MS;
  const { ms, value } = await timedCall(url, token, 'dashboard.figures', {
    from: policyDate(last - (days - 1) * DAY_MS),
    to: policyDate(last),
  });
  return { ms, cases: (value as { decidedCases: number }).decidedCases };
}

/** In-app: Esc from a case back to the queue (a hash route change and a fresh page of rows). */
async function backToQueue(page: Page): Promise<number> {
  await page.locator('.queue-row').nth(3).click();
  await page.locator('#case-title').waitFor();
  const started = await page.evaluate(() => performance.now());
  await page.keyboard.press('Escape');
  await page.locator('.queue-row').first().waitFor();
  return (
    (await page.evaluate(
      () => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now()))),
    )) - started
  );
}

/** Frame-to-frame times (requestAnimationFrame) while the wheel scrolls down the queue. */
async function scrollFrames(page: Page): Promise<{ frames: number[]; rows: number; loaded: number }> {
  await page.locator('.queue-scroll').hover();
  await page.evaluate(() => {
    const w = window as unknown as { frames: number[]; recording: boolean };
    w.frames = [];
    w.recording = true;
    let last = performance.now();
    const tick = (now: number) => {
      w.frames.push(now - last);
      last = now;
      if (w.recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  for (let step = 0; step < SCROLL_STEPS; step++) await page.mouse.wheel(0, 1200);
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    const w = window as unknown as { frames: number[]; recording: boolean };
    w.recording = false;
    const scroller = document.querySelector('.queue-scroll')!;
    const loaded = document.querySelector('.views .count')?.textContent ?? '';
    return {
      frames: w.frames.slice(1),
      rows: Math.round(scroller.scrollTop / 44),
      loaded: Number(/\d[\d,]*/.exec(loaded)?.[0].replaceAll(',', '')),
    };
  });
}

/** Notes the time of every keystroke and of every change to the queue screen. */
async function watchSearch(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { lastKey: number; lastChange: number };
    document.addEventListener('keydown', () => (w.lastKey = performance.now()), { capture: true });
    new MutationObserver(() => (w.lastChange = performance.now())).observe(
      document.querySelector('.queue')!,
      {
        subtree: true,
        childList: true,
        characterData: true,
      },
    );
  });
}

/** From the last keystroke to the results on screen, debounce included. */
async function searchLatency(page: Page, query: string): Promise<number> {
  const search = page.locator('#queue-search');
  await search.fill('');
  await page.waitForTimeout(150);
  await search.pressSequentially(query, { delay: 30 });
  await page.waitForFunction((q) => document.querySelector('.views .count')?.textContent?.includes(q), query);
  await page.waitForTimeout(250);
  return page.evaluate(() => {
    const w = window as unknown as { lastKey: number; lastChange: number };
    return w.lastChange - w.lastKey;
  });
}

async function main() {
  await build({ configFile: path.resolve('vite.config.ts'), logLevel: 'warn' });
  const js = shippedJsGzip();
  const dbFile = seedStore(CASES);
  const host = await startHost({ dbFile, staticDir: OUT, autoBackup: false });
  const browser = await launch();
  const { page } = browser;
  // tsx compiles with keepNames, so functions passed to page.evaluate call a __name helper
  // that only exists in Node; the page gets a no-op one.
  await browser.context.addInitScript({ content: 'window.__name = (f) => f;' });
  const url = `${host.url}/#token=${host.token}`;
  try {
    await page.goto(url);
    await page.locator('.queue-row').first().waitFor();
    const cold: number[] = [];
    for (let i = 0; i < RUNS; i++) cold.push(await firstRowVisible(page));
    const inApp: number[] = [];
    for (let i = 0; i < RUNS; i++) inApp.push(await backToQueue(page));
    await page.getByRole('button', { name: 'All cases' }).click();
    await page.locator('.queue-row').first().waitFor();
    const scroll = await scrollFrames(page);
    await watchSearch(page);
    const searches: Record<string, number[]> = {};
    for (const query of ['RC-004242', 'ORD-00031337', 'Harbin Robotics 4711', 'Kunming']) {
      searches[query] = [];
      for (let i = 0; i < 3; i++) searches[query].push(await searchLatency(page, query));
    }
    await page.goto(`${host.url}/#/dashboard`);
    const dashboard: number[] = [];
    for (let i = 0; i < RUNS; i++) dashboard.push(await dashboardVisible(page));
    const month: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await dashboardVisible(page);
      const before = (await page.locator('.dashboard .muted').first().textContent()) ?? '';
      month.push(await dashboardPreset(page, 'Last 30 days', before));
    }
    const calls: Record<string, { ms: number[]; cases: number }> = {};
    // The baseline: a call that reads one small table, over the same transport in the same run.
    const baseline: number[] = [];
    for (let i = 0; i < RUNS; i++)
      baseline.push((await timedCall(host.url, host.token, 'settings.get', {})).ms);
    for (const [name, call] of [
      ['dashboard.figures', dashboardCall],
      ['period report, no replay', periodReport],
    ] as const) {
      for (const days of [7, 30, 90]) {
        const entry = (calls[`${name} (${days} days`] = { ms: [] as number[], cases: 0 });
        for (let i = 0; i < RUNS; i++) {
          const { ms: time, cases } = await call(host.url, host.token, days);
          entry.ms.push(time);
          entry.cases = cases;
        }
      }
    }
    const slow = scroll.frames.filter((f) => f > 50).length;
    console.log(`\ncases in store: ${CASES.toLocaleString('en')}`);
    console.log(
      `shipped JS: ${js.files} file(s), ${(js.raw / 1024).toFixed(1)} KB, gzip ${(js.gzip / 1024).toFixed(1)} KB`,
    );
    console.log(`first queue row visible, page load: ${summary(cold)}`);
    console.log(`first queue row visible, Esc from a case: ${summary(inApp)}`);
    console.log(
      `scroll: ${scroll.frames.length} frames over ${scroll.rows.toLocaleString('en')} rows (${scroll.loaded.toLocaleString('en')} loaded): ` +
        `${summary(scroll.frames)}, p99 ${ms(quantile(scroll.frames, 0.99))}, ${slow} frames > 50 ms`,
    );
    for (const [query, values] of Object.entries(searches))
      console.log(`search "${query}": ${summary(values)}`);
    console.log(`dashboard painted (7 days), page load: ${summary(dashboard)}`);
    console.log(`dashboard, choosing 30 days to painted: ${summary(month)}`);
    console.log(`settings.get (baseline), API: ${summary(baseline)}`);
    for (const [name, { ms: values, cases }] of Object.entries(calls))
      console.log(`${name}, ${cases.toLocaleString('en')} cases), API: ${summary(values)}`);
  } finally {
    await browser.close();
    await host.close();
  }
}

await main();
