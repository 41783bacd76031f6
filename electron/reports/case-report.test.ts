import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPrinter, type Printer } from '../print';
import { auditHead, createCase, recordDecision } from '../store';
import { sampleCase, tempStore } from '../store/test-support/temp-store';
import { RULE_BOOK } from '../../shared/policy';
import { caseReportData, caseReportHtml, type CaseReportData } from '.';
import { ARABIC_NAME, CHINESE_NAME, EMOJI, hostileCase, INJECTION, LONG_NOTE } from './test-support/cases';
import { pdfFonts, pdfInfo, pdfText } from './test-support/pdf-text';

let temp: ReturnType<typeof tempStore>;
let data: CaseReportData;
let printer: Printer;

beforeAll(async () => {
  temp = tempStore();
  data = caseReportData(temp.store, hostileCase(temp.store));
  printer = await openPrinter();
});
afterAll(async () => {
  await printer?.close();
  temp?.cleanup();
});

// pdftotext breaks lines where the page does; the assertions compare text with spaces folded.
const folded = (text: string) => text.replace(/\s+/g, ' ');

describe('the case report as HTML', () => {
  it('says the window exactly: the seconds that decide, a package valid until its expiry, not including', async () => {
    // A store of its own: the other reports read the shared one's audit head.
    const own = tempStore();
    const ref = createCase(
      own.store,
      sampleCase({
        orderId: 'O-RTC-EDGE',
        facts: {
          productType: 'rtc_package',
          paidAt: '2026-03-01T12:00:00+08:00',
          orderAmount: 9_950,
          currency: 'CNY',
          consumedMinutes: 0,
          expiresAt: '2026-03-02T10:00:00+08:00',
          requestedAt: '2026-03-02T10:00:15+08:00',
        },
      }),
      'mei',
    ).detail.summary.ref;
    recordDecision(own.store, { ref, agent: 'mei' });
    const html = await caseReportHtml(caseReportData(own.store, ref), { language: 'en', paper: 'a4' });
    own.cleanup();
    expect(html).toContain('2026-03-02 10:00:15 UTC+08:00');
    expect(html).toContain('2026-03-02 10:00:00 UTC+08:00, not including');
    expect(html).toMatch(
      /rtc\.expired<\/td>[\s\S]*?<td>expired; turns at 2026-03-02 10:00:00 UTC\+08:00<\/td>/,
    );
    expect(html).not.toMatch(/<td>(holds|does not hold)/);
  });

  it('prints every stored value as text: no tag, attribute or entity from the data survives', async () => {
    const html = await caseReportHtml(data, { language: 'en', paper: 'a4' });
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b style');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;b style=&quot;color:red&quot;&gt;');
    // The data's own "&amp;" prints as the five characters, not as "&".
    expect(html).toContain('&amp;amp;');
  });

  it('is self-contained: inline CSS, nothing to fetch, and a policy forbidding any fetch or script', async () => {
    const html = await caseReportHtml(data, { language: 'zh', paper: 'letter' });
    expect(html).not.toMatch(/<link|<img|<script|src=/i);
    // Its only url()s are its own fonts, inlined: the pieces its text needs, no more.
    expect(html.match(/url\((?!data:font\/ttf;base64,)/g)).toBeNull();
    expect(html).toContain(`font-family: "Noto Sans SC"`);
    expect(html).toContain(`default-src 'none'`);
    expect(html).toContain('size: letter');
    expect(html).toContain('lang="zh-CN"');
  });
});

describe('the case report as PDF (Chromium)', () => {
  it('reads back with the ref, the amount, each clause with its text, the hash and the verify command', async () => {
    const text = folded(
      pdfText(await printer.pdf(await caseReportHtml(data, { language: 'en', paper: 'a4' }))),
    );
    const ref = data.detail.summary.ref;
    const latest = data.detail.decisions.at(-1)!;
    expect(text).toContain(`Refund decision ${ref}`);
    // 199.00 paid, 25.00 of it by voucher: the cash refund is 174.00.
    expect(text).toContain('CNY 174.00');
    expect(latest.decision.clauses.length).toBeGreaterThan(1);
    for (const clause of latest.decision.clauses) {
      expect(text).toContain(clause);
      expect(text).toContain(folded(RULE_BOOK.newest().wording.clauses[clause].en));
    }
    const head = auditHead(temp.store)!;
    expect(text).toContain(head.hash);
    expect(text).toContain(`refund-console --db ${temp.file} verify-audit`);
    // The override and its reason, as text; the long note to its last word; the sign-off.
    expect(text).toContain('Duplicate order <script>alert(1)</script>');
    expect(text).toContain(folded(INJECTION));
    expect(text).toContain('END-OF-NOTE');
    expect(text).toContain(folded(LONG_NOTE).slice(0, 300));
    expect(text).toMatch(/Sign-off Name Date Signature/);
    expect(text).toMatch(new RegExp(`Refund decision ${ref} page 1 of \\d`));
  });

  it('writes a Chinese report whose text and names come back, with every font embedded', async () => {
    const pdf = await printer.pdf(await caseReportHtml(data, { language: 'zh', paper: 'a4' }));
    const text = folded(pdfText(pdf));
    expect(text).toContain(`退款决定 ${data.detail.summary.ref}`);
    expect(text).toContain('现金退款');
    expect(text).toContain(folded(RULE_BOOK.newest().wording.clauses['refund.cash-only'].zh));
    expect(text).toContain('第 1 页，共');
    expect(text).toContain(CHINESE_NAME);
    expect(text).toContain('陈静');
    // pdftotext writes right-to-left words in reading order, but may split on the space.
    for (const word of ARABIC_NAME.split(' ')) expect(text).toContain(word);
    for (const emoji of EMOJI) expect(text).toContain(emoji);
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((font) => !font.embedded)).toEqual([]);
    // Printed with the shipped fonts alone, whatever this machine has installed.
    expect(fonts.filter((font) => !/\+Noto(Sans|Emoji)/.test(font.name))).toEqual([]);
    expect(pdfInfo(pdf).pageSize).toMatch(/\(A4\)/);
  });

  it('prints on Letter when asked', async () => {
    const pdf = await printer.pdf(await caseReportHtml(data, { language: 'en', paper: 'letter' }));
    expect(pdfInfo(pdf).pageSize).toMatch(/^612 x 792 pts/);
  });
});
