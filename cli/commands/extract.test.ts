import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../refund-console';
import { memoryIo } from '../test-support/memory-io';

const dir = mkdtempSync(join(tmpdir(), 'rc-extract-'));
const mail = join(dir, 'request.eml');
// A GBK mail: "退款：订单 ORD-88812" as the subject, and a base64 body in GBK.
writeFileSync(
  mail,
  [
    'From: li@example.com',
    'Date: Fri, 6 Mar 2026 09:30:00 +0800',
    'Subject: =?GBK?B?zcu/7qO6tqm1pSBPUkQtODg4MTI=?=',
    'Content-Type: text/plain; charset=GBK',
    'Content-Transfer-Encoding: base64',
    '',
    'vrXP8baptaW98Lbuo6QzMDDUqqOsMjAyNsTqM9TCNcjVIDE0OjMwuLa/7qGj',
  ].join('\r\n'),
);

describe('refund-console extract', () => {
  it('prints the proposals of a mail as JSON, each with its span in the message', async () => {
    const io = memoryIo();
    expect(await main(['extract', mail], io)).toBe(0);
    const { proposals } = JSON.parse(io.out) as { proposals: Record<string, unknown>[] };
    expect(proposals).toEqual([
      {
        fact: 'requestedAt',
        value: '2026-03-06T09:30:00+08:00',
        text: '6 Mar 2026 09:30:00 +0800',
        start: 34,
        end: 59,
      },
      expect.objectContaining({ fact: 'orderId', value: 'ORD-88812' }),
      expect.objectContaining({ fact: 'productType', value: 'image', text: '镜像' }),
      expect.objectContaining({ fact: 'currency', value: 'CNY', text: '￥' }),
      expect.objectContaining({ fact: 'orderAmount', value: 30000, text: '￥300元' }),
      {
        fact: 'paidAt',
        value: '2026-03-05T14:30:00+08:00',
        text: '2026年3月5日 14:30',
        start: expect.any(Number),
        end: expect.any(Number),
        assumed: 'policyZone',
      },
    ]);
    expect(io.err).toBe('');
  });

  it('reads plain text from standard input; a message without facts proposes none', async () => {
    const io = memoryIo('Order #A-77120 was charged $12.50 on 2026-03-02 10:00 UTC.');
    expect(await main(['extract', '-'], io)).toBe(0);
    expect(
      JSON.parse(io.out).proposals.map((p: { fact: string; value: unknown }) => [p.fact, p.value]),
    ).toEqual([
      ['orderId', 'A-77120'],
      ['currency', 'USD'],
      ['orderAmount', 1250],
      ['paidAt', '2026-03-02T10:00:00+00:00'],
    ]);
    const none = memoryIo('Thanks for your help!');
    expect(await main(['extract', '-'], none)).toBe(0);
    expect(JSON.parse(none.out)).toEqual({ proposals: [] });
  });

  it.each([
    [['extract'], /missing|expects/i],
    [['extract', 'a', 'b'], /unexpected argument/],
    [['extract', mail, '--lang', 'zh'], /unknown option/i],
    [['extract', join(dir, 'absent.eml')], /cannot read/],
  ])('exits 2 with one line for %j', async (argv, problem) => {
    const io = memoryIo();
    expect(await main(argv, io)).toBe(2);
    expect(io.err).toMatch(problem);
    expect(io.out).toBe('');
  });
});
