import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseChange } from '../shared/model/case';
import { callApi, fontsLoaded, screenshot, startConsoleHost, type ConsoleHost } from './harness';

// A customer's name as customers write them: an emoji, Chinese and Arabic beside Latin.
const EMOJI = '🙂';
const NAME = `Zoë ${EMOJI} 腾飞 مخبز`;

/** Where `text` is drawn inside `cell`, as the screen shows it. */
async function boxOf(cell: Locator, text: string) {
  return cell.evaluate((node, wanted) => {
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let found = walker.nextNode(); found !== null; found = walker.nextNode()) {
      const at = found.textContent!.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(found, at);
      range.setEnd(found, at + wanted.length);
      const { x, y, width, height } = range.getBoundingClientRect();
      return { x, y, width, height };
    }
    throw new Error(`"${wanted}" is not drawn in ${node.outerHTML.slice(0, 200)}`);
  }, text);
}

/**
 * How many pixels of a screenshot are the emoji's yellow (its face): text, borders and the
 * console's own colours have none, so a blank or an outline glyph counts 0. Read in a page of
 * its own, which decodes the PNG (the console's CSP rightly refuses data: images).
 */
async function yellowPixels(page: Page, png: Buffer): Promise<number> {
  const blank = await page.context().newPage();
  try {
    return await blank.evaluate(
      async (source) => {
        const image = new Image();
        image.src = source;
        await image.decode();
        const canvas = new OffscreenCanvas(image.width, image.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        const { data } = context.getImageData(0, 0, image.width, image.height);
        let yellow = 0;
        for (let at = 0; at < data.length; at += 4) {
          if (data[at]! > 200 && data[at + 1]! > 140 && data[at + 2]! < 110) yellow++;
        }
        return yellow;
      },
      `data:image/png;base64,${png.toString('base64')}`,
    );
  } finally {
    await blank.close();
  }
}

async function drawnInColour(page: Page, cell: Locator): Promise<number> {
  await fontsLoaded(page);
  const box = await boxOf(cell, EMOJI);
  expect(box.width).toBeGreaterThan(8);
  return yellowPixels(page, await page.screenshot({ clip: box }));
}

describe('a customer’s emoji on the screen, in the console’s own fonts', () => {
  let app: ConsoleHost;
  let ref: string;

  beforeAll(async () => {
    app = await startConsoleHost({
      name: 'fonts',
      seed: async (host) => {
        const created = await callApi<CaseChange>(host, 'cases.create', {
          customer: { name: NAME, accountId: 'acc-fonts' },
          orderId: 'ORD-FONTS-1',
          productName: 'SiteBuilder Pro',
          provider: 'Northwind Cloud',
          facts: { productType: 'saas', orderAmount: 19_900, currency: 'CNY' },
        });
        ref = created.detail.summary.ref;
      },
    });
  });
  afterAll(() => app?.close());

  // The browser sees no font of the machine's (e2e/harness.ts): only the shipped colour emoji
  // can draw this, and a font Chromium cannot paint (OpenType-SVG) leaves a blank.
  it('draws it in colour in the queue', async () => {
    const { page } = app;
    const cell = page.locator('.queue-row .customer', { hasText: EMOJI });
    await cell.waitFor();
    await screenshot(page, 'fonts-queue');
    expect(await drawnInColour(page, cell)).toBeGreaterThan(20);
  });

  it('draws it in colour on the case', async () => {
    const { page, host } = app;
    await page.goto(`${host.url}/#/case/${ref}`);
    const title = page.locator('h1', { hasText: NAME });
    await title.waitFor();
    await screenshot(page, 'fonts-case');
    expect(await drawnInColour(page, title)).toBeGreaterThan(20);
  });
});
