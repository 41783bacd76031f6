import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addMessage, createCase } from '../store';
import { sampleCase, tempStore } from '../store/test-support/temp-store';
import { caseReportData, caseReportHtml } from '.';

let temp: ReturnType<typeof tempStore>;
beforeEach(() => {
  temp = tempStore();
});
afterEach(() => temp.cleanup());

describe("the case report's appendix", () => {
  it("prints the customer's messages whole, as text, after the sign-off, in the report's language", async () => {
    const ref = createCase(temp.store, sampleCase(), 'ann').detail.summary.ref;
    const text = 'From: 王磊 <wanglei@example.cn>\n\n订单金额￥300元。<script>alert(1)</script>';
    addMessage(temp.store, ref, { text, subject: '申请退款', from: null, fileName: 'a.eml' }, 'ann');
    const en = await caseReportHtml(caseReportData(temp.store, ref), { language: 'en', paper: 'a4' });
    expect(en).toContain('Appendix: the customer’s messages');
    expect(en).toContain('订单金额￥300元。&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(en).not.toContain('<script>alert');
    expect(en.indexOf('Appendix')).toBeGreaterThan(en.indexOf('class="sign"'));
    const zh = await caseReportHtml(caseReportData(temp.store, ref), { language: 'zh', paper: 'a4' });
    expect(zh).toContain('附录：客户来信');
  });

  it('has no appendix without a message', async () => {
    const ref = createCase(temp.store, sampleCase(), 'ann').detail.summary.ref;
    const html = await caseReportHtml(caseReportData(temp.store, ref), { language: 'en', paper: 'a4' });
    expect(html).not.toContain('Appendix');
  });
});
