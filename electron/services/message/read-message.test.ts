import { describe, expect, it } from 'vitest';
import { extractProposals } from '../../../shared/extract';
import { readMessage } from '.';

const mail = (lines: string[]) => new TextEncoder().encode(lines.join('\r\n'));
// "镜像订单金额￥300元，2026年3月5日 14:30付款。" in GBK, base64 (what a Chinese mail client sends).
const GBK_BODY = 'vrXP8baptaW98Lbuo6QzMDDUqqOsMjAyNsTqM9TCNcjVIDE0OjMwuLa/7qGj';

describe('readMessage', () => {
  it('decodes a GBK mail: RFC 2047 subject, base64 body, the Date header as written', async () => {
    const message = await readMessage(
      mail([
        'From: =?GBK?B?wO7Ktw==?= <li@example.com>',
        'To: support@example.com',
        'Date: Thu, 5 Mar 2026 18:02:00 +0800',
        'Subject: =?GBK?B?yerH683Lv+4=?=',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=GBK',
        'Content-Transfer-Encoding: base64',
        '',
        GBK_BODY,
      ]),
      'request.eml',
    );
    expect(message.subject).toBe('申请退款');
    expect(message.text).toContain('Date: Thu, 5 Mar 2026 18:02:00 +0800');
    expect(message.text).toContain('镜像订单金额￥300元，2026年3月5日 14:30付款。');
    expect(Object.fromEntries(extractProposals(message.text).map((p) => [p.fact, p.value]))).toEqual({
      requestedAt: '2026-03-05T18:02:00+08:00',
      productType: 'image',
      currency: 'CNY',
      orderAmount: 30000,
      paidAt: '2026-03-05T14:30:00+08:00',
    });
  });

  it('decodes a quoted-printable UTF-8 body and a Q-encoded subject, found by its headers without .eml', async () => {
    const message = await readMessage(
      mail([
        'From: Ann <ann@example.com>',
        'Date: Mon, 9 Mar 2026 09:00:00 -0500',
        'Subject: =?UTF-8?Q?Refund_=E2=80=93_order?=',
        'Content-Type: text/plain; charset=UTF-8',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        'Order ORD-55120 cost =C2=A5199.00 =E2=80=93 please refund it.=',
        '',
      ]),
    );
    expect(message.subject).toBe('Refund – order');
    expect(message.text).toContain('Order ORD-55120 cost ¥199.00 – please refund it.');
    expect(extractProposals(message.text).find((p) => p.fact === 'requestedAt')?.value).toBe(
      '2026-03-09T09:00:00-05:00',
    );
  });

  it('reads plain text in UTF-8 or GB18030', async () => {
    expect((await readMessage(new TextEncoder().encode('\uFEFFI paid $20.'), 'note.txt')).text).toBe(
      'I paid $20.',
    );
    const gbk = Uint8Array.from(Buffer.from('c9eac7ebcdcbbfee', 'hex'));
    expect(await readMessage(gbk, 'note.txt')).toEqual({ text: '申请退款', subject: null, from: null });
  });

  it('reads an HTML-only mail as text', async () => {
    const message = await readMessage(
      mail([
        'From: a@example.com',
        'Subject: hi',
        'Content-Type: text/html; charset=utf-8',
        '',
        '<p>Order total &amp; more: <b>$49.99</b></p><br>bye',
      ]),
      'x.eml',
    );
    expect(message.text).toMatch(/Order total & more: \$49\.99\s+bye/);
  });
});
