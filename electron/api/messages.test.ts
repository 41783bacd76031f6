import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleCase, tempStore } from '../store/test-support/temp-store';
import { createHandlers, type Handlers } from './handlers';
import { ok } from './test-support/ok';

let env: ReturnType<typeof tempStore>;
let h: Handlers;
beforeEach(() => {
  env = tempStore();
  h = createHandlers(env.store);
});
afterEach(() => env.cleanup());

// "申请退款" as a GBK RFC 2047 subject; the body, in GBK and base64:
// "镜像订单金额￥300元，2026年3月5日 14:30付款。"
const GBK_MAIL = [
  'From: li@example.com',
  'Date: Fri, 6 Mar 2026 09:30:00 +0800',
  'Subject: =?GBK?B?yerH683Lv+4=?=',
  'Content-Type: text/plain; charset=GBK',
  'Content-Transfer-Encoding: base64',
  '',
  'vrXP8baptaW98Lbuo6QzMDDUqqOsMjAyNsTqM9TCNcjVIDE0OjMwuLa/7qGj',
].join('\r\n');

describe('customer messages in a case', () => {
  it('keeps a dropped mail with the case, audited, and lists it with its proposals', async () => {
    await ok('cases.create', h['cases.create'](sampleCase()));
    const added = await ok(
      'messages.add',
      h['messages.add']({
        ref: 'RC-000001',
        file: { name: 'request.eml', data: Buffer.from(GBK_MAIL).toString('base64') },
        agent: 'Mei Lin',
      }),
    );
    expect(added).toMatchObject({ id: 1, subject: '申请退款', fileName: 'request.eml', addedBy: 'Mei Lin' });
    expect(added.proposals.map((p) => [p.fact, p.value])).toEqual([
      ['requestedAt', '2026-03-06T09:30:00+08:00'],
      ['productType', 'image'],
      ['currency', 'CNY'],
      ['orderAmount', 30000],
      ['paidAt', '2026-03-05T14:30:00+08:00'],
    ]);
    for (const p of added.proposals) expect(added.text.slice(p.start, p.end)).toBe(p.text);
    const listed = await ok('messages.list', h['messages.list']({ ref: 'RC-000001' }));
    expect(listed.items).toEqual([added]);
    const audit = await ok('audit.list', h['audit.list']({ ref: 'RC-000001' }));
    expect(audit.items.at(-1)).toMatchObject({
      action: 'message.add',
      actor: 'Mei Lin',
      detail: { messageId: 1, subject: '申请退款', fileName: 'request.eml' },
    });
  });

  it('writes accepted proposals as a facts change naming the message as its source', async () => {
    const created = await ok('cases.create', h['cases.create'](sampleCase()));
    const message = await ok(
      'messages.add',
      h['messages.add']({
        ref: 'RC-000001',
        text: 'Order total ¥480.00. The fapiao has been issued.',
        agent: 'ann',
      }),
    );
    const accepted = Object.fromEntries(message.proposals.map((p) => [p.fact, p.value]));
    expect(accepted).toEqual({ currency: 'CNY', orderAmount: 48000, invoiceIssued: true });
    const change = await ok(
      'cases.updateFacts',
      h['cases.updateFacts']({
        ref: 'RC-000001',
        revision: created.detail.summary.revision,
        facts: { ...created.detail.facts, orderAmount: 48000, invoiceIssued: true },
        agent: 'ann',
        source: { message: message.id },
      }),
    );
    expect(change.detail.facts).toMatchObject({ orderAmount: 48000, invoiceIssued: true });
    expect(change.audit[0]).toMatchObject({
      action: 'case.facts',
      detail: { source: { message: message.id } },
    });
    expect((await ok('audit.verify', h['audit.verify']({}))).ok).toBe(true);
  });

  it("refuses another case's message as a source, an empty message, and both text and file", async () => {
    const first = await ok('cases.create', h['cases.create'](sampleCase()));
    await ok('cases.create', h['cases.create'](sampleCase()));
    await ok('messages.add', h['messages.add']({ ref: 'RC-000002', text: 'hello', agent: 'ann' }));
    const foreign = await h['cases.updateFacts']({
      ref: 'RC-000001',
      revision: first.detail.summary.revision,
      facts: { ...first.detail.facts, orderAmount: 100 },
      agent: 'ann',
      source: { message: 1 },
    });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await h['messages.add']({ ref: 'RC-000001', text: '  ', agent: 'ann' })).toMatchObject({
      ok: false,
    });
    expect(
      await h['messages.add']({
        ref: 'RC-000001',
        text: 'a',
        file: { name: 'a.txt', data: 'YQ==' },
        agent: 'ann',
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect((await ok('messages.list', h['messages.list']({ ref: 'RC-000001' }))).items).toEqual([]);
  });

  it('never changes or deletes a kept message', async () => {
    await ok('cases.create', h['cases.create'](sampleCase()));
    await ok('messages.add', h['messages.add']({ ref: 'RC-000001', text: 'I paid ¥10.', agent: 'ann' }));
    expect(() => env.store.db.prepare("UPDATE case_messages SET body = 'x'").run()).toThrow(/never changed/);
    expect(() => env.store.db.prepare('DELETE FROM case_messages').run()).toThrow(/never deleted/);
  });

  it('reads a dropped mail without keeping it, for a case not opened yet', async () => {
    const read = await ok(
      'messages.read',
      h['messages.read']({ file: { name: 'request.eml', data: Buffer.from(GBK_MAIL).toString('base64') } }),
    );
    expect(read).toMatchObject({ subject: '申请退款', from: '<li@example.com>' });
    expect(read.proposals.map((p) => p.fact)).toContain('orderAmount');
    expect(await h['messages.read']({ text: ' \n ' })).toMatchObject({ ok: false });
    expect(env.store.db.prepare('SELECT count(*) FROM case_messages').pluck().get()).toBe(0);
  });
});
