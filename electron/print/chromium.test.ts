import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fontFaceCss } from '../fonts';
import { pdfFonts, pdfText } from '../reports/test-support/pdf-text';
import { openPrinter, PrinterUnavailableError } from '.';

/** The processes whose command line names `text` (Chromium's name its profile folder). */
function processesNaming(text: string): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(text);
      } catch {
        return false; // ended meanwhile
      }
    })
    .map(Number);
}

let server: Server;
let requests = 0;
beforeAll(async () => {
  server = createServer((_, response) => {
    requests++;
    response.end('body { color: red }');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(() => server.close());

// Chromium's profile goes under os.tmpdir(), which follows TMPDIR: a folder of this test's own.
let temp: string;
const tmpBefore = process.env.TMPDIR;
beforeEach(() => {
  temp = mkdtempSync(join(tmpdir(), 'rc-printer-'));
  process.env.TMPDIR = temp;
});
afterEach(() => {
  if (tmpBefore === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = tmpBefore;
  rmSync(temp, { recursive: true, force: true });
});

describe('the printer', () => {
  it('prints a page with its scripts off and nothing fetched, and leaves no browser or profile behind', async () => {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const printer = await openPrinter({ pages: 2 });
    const profile = readdirSync(temp).find((name) => name.startsWith('refund-console-chromium-'));
    expect(profile).toBeDefined();
    expect(processesNaming(join(temp, profile!)).length).toBeGreaterThan(0);
    try {
      const fonts = await fontFaceCss('First 第一', ['Noto Sans', 'Noto Sans SC']);
      const [first, second] = await Promise.all([
        printer.pdf(`<style>${fonts} p { font-family: "Noto Sans", "Noto Sans SC" }</style>
          <p>First 第一</p><script>document.body.append('SCRIPT RAN')</script>
          <link rel="stylesheet" href="${url}/a.css"><img src="${url}/b.png">`),
        printer.pdf('<p>Second</p>'),
      ]);
      expect(pdfText(first).replace(/\s+/g, ' ').trim()).toBe('First 第一');
      expect(pdfText(second).trim()).toBe('Second');
      // A page is reused: the next document replaces the last one whole.
      expect(pdfText(await printer.pdf('<p>Third</p>')).trim()).toBe('Third');
      expect(requests).toBe(0);
    } finally {
      await printer.close();
    }
    expect(processesNaming(join(temp, profile!))).toEqual([]);
    expect(readdirSync(temp)).toEqual([]);
  });

  it('sees no font of the machine: only what a document carries, over the shipped Noto Sans', async () => {
    const printer = await openPrinter();
    try {
      // DejaVu and Liberation come with Debian's Chromium; a CJK font may be installed too.
      const pdf = await printer.pdf(
        `<p style="font-family: 'DejaVu Sans', 'Liberation Sans', 'Noto Sans CJK SC', sans-serif">Plain 第一</p>`,
      );
      expect(pdfFonts(pdf).map((font) => font.name.replace(/^\w+\+/, ''))).toEqual(['NotoSans-Regular']);
      expect(pdfText(pdf)).not.toContain('第一');
    } finally {
      await printer.close();
    }
  });

  it('names a Chromium that is missing, or that never answers, and cleans up after it', async () => {
    const before = process.env.REFUND_CONSOLE_CHROMIUM;
    try {
      process.env.REFUND_CONSOLE_CHROMIUM = join(temp, 'no-chromium');
      await expect(openPrinter()).rejects.toThrow(PrinterUnavailableError);
      // There but not a program: the start fails before any process exists.
      const notAProgram = join(temp, 'not-a-program');
      writeFileSync(notAProgram, 'text', { mode: 0o644 });
      process.env.REFUND_CONSOLE_CHROMIUM = notAProgram;
      await expect(openPrinter()).rejects.toThrow(/did not start: .*EACCES/);
      rmSync(notAProgram);
      process.env.REFUND_CONSOLE_CHROMIUM = '/bin/false';
      // It exits at once: the pipe is reset or closed, which is said with the path.
      await expect(openPrinter()).rejects.toThrow(/^Chromium \(\/bin\/false\) did not start: /);
      expect(readdirSync(temp)).toEqual([]);
    } finally {
      if (before === undefined) delete process.env.REFUND_CONSOLE_CHROMIUM;
      else process.env.REFUND_CONSOLE_CHROMIUM = before;
    }
  });
});
