/**
 * Writes the extraction corpus (electron/services/message/fixtures/corpus): 110 English and
 * 110 Chinese customer messages (plain, mail files, forwarded, several orders, none at all),
 * with the facts a careful agent would take from each, into expected.json. Seeded, so running
 * it again writes the same files: `npx tsx scripts/extract-corpus/make.ts`.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as en from './en';
import type { Part } from './en';
import { encodeGbk, fitsGbk } from './gbk';
import {
  isoOf,
  random,
  scenario,
  wall,
  type Expected,
  type Random,
  type Scenario,
  type Wall,
} from './scenario';
import * as zh from './zh';

type Phrasebook = typeof en;
const OUT = join(import.meta.dirname, '../../electron/services/message/fixtures/corpus');
const r = random(2026_12_07);

const shuffle = <T>(items: T[]): T[] => {
  for (let i = items.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
};

/** The body of a request: its facts in a customer's order, with some noise. */
function body(book: Phrasebook, s: Scenario, withRequest: boolean): Part {
  const facts: Part[] = [
    book.kindPart(r, s),
    book.amountPart(r, s),
    book.paidPart(r, s),
    ...book.statePart(r, s),
  ];
  if (r.chance(0.85)) facts.push(book.orderPart(r, s));
  if (withRequest && r.chance(0.3)) facts.push(book.requestedPart(r, s));
  if (r.chance(0.4)) facts.push({ text: r.pick(book.NOISE), facts: [] });
  const parts = [
    { text: r.pick(book.GREETINGS), facts: [] },
    ...shuffle(facts),
    { text: r.pick(book.CLOSINGS), facts: [] },
  ];
  const join = book === en ? r.pick([' ', '\n', ' ']) : r.pick(['', '\n', '']);
  return {
    text: parts
      .map((p) => p.text)
      .filter(Boolean)
      .join(join),
    facts: parts.flatMap((p) => p.facts),
  };
}

function severalOrders(book: Phrasebook): Part {
  const [a, b] = [scenario(r), scenario(r)];
  b.currency = a.currency;
  const money = (s: Scenario) =>
    s.currency === 'USD'
      ? `$${s.order.written}`
      : book === en
        ? `¥${s.order.written}`
        : `${s.order.written}元`;
  const text =
    book === en
      ? r.pick([
          `Hi, I need refunds for two orders: order ${a.orderId} for ${money(a)} and order ${b.orderId} for ${money(b)}. Both were bought by mistake.`,
          `Orders ${a.orderId} and ${b.orderId} were both charged to our card (${money(a)} and ${money(b)}). We only wanted one of them.`,
        ])
      : r.pick([
          `你好，我有两个订单要退：订单号${a.orderId}，金额${money(a)}；订单号${b.orderId}，金额${money(b)}。都是误购。`,
          `订单${a.orderId}和${b.orderId}重复扣费了，分别支付了${money(a)}和${money(b)}，请退其中一个。`,
        ]);
  return {
    text,
    facts: [
      ['orderId', a.orderId],
      ['orderId', b.orderId],
      ['orderAmount', a.order.minor],
      ['orderAmount', b.order.minor],
      ['currency', a.currency],
    ],
  };
}

function noFacts(book: Phrasebook): Part {
  const lines = [r.pick(book.GREETINGS), r.pick(book.NO_FACTS), r.chance(0.5) ? r.pick(book.NOISE) : ''];
  return { text: lines.filter(Boolean).join(book === en ? ' ' : ''), facts: [] };
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');
const weekday = (w: Wall) => DAYS[new Date(Date.UTC(w.y, w.m - 1, w.d)).getUTCDay()]!;

/** An RFC 5322 Date header for a wall time at an offset. */
function mailDate(w: Wall, offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  return `${weekday(w)}, ${w.d} ${MONTHS[w.m - 1]} ${w.y} ${pad(w.h)}:${pad(w.mi)}:${pad(w.s)} ${sign}${pad(Math.abs(offset) / 60)}${pad(Math.abs(offset) % 60)}`;
}

const base64Lines = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64').replace(/.{76}/g, '$&\r\n');
const encodedWord = (text: string, charset: 'UTF-8' | 'GBK') =>
  `=?${charset}?B?${Buffer.from(charset === 'GBK' ? encodeGbk(text) : new TextEncoder().encode(text)).toString('base64')}?=`;

function quotedPrintable(text: string): string {
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    // Each byte as itself or =XX, and soft breaks (=) only between them, never inside an =XX.
    const tokens = Array.from(new TextEncoder().encode(line), (byte) =>
      byte === 61 || byte > 126
        ? `=${byte.toString(16).toUpperCase().padStart(2, '0')}`
        : String.fromCharCode(byte),
    );
    let current = '';
    for (const token of tokens) {
      if (current.length + token.length > 72) {
        lines.push(`${current}=`);
        current = '';
      }
      current += token;
    }
    lines.push(current);
  }
  return lines.join('\r\n');
}

/** A mail file of a request: its Date header is when the customer asked. */
function mail(book: Phrasebook): { bytes: Uint8Array; facts: Expected } {
  const s = scenario(r);
  const request = body(book, s, false);
  const offset = book === en ? r.pick([480, 0, -300, 60]) : 480;
  const sent: Wall = wall(r, s.paid);
  const subject =
    book === en
      ? r.pick(['Refund request', 'Refund please', `Order ${s.orderId}`])
      : r.pick(['申请退款', '退款申请', '关于退款']);
  const picked =
    book === en ? r.pick(['qp', 'base64', '7bit'] as const) : r.pick(['utf8', 'gbk', 'gb18030'] as const);
  // A GBK mail client writes no emoji and no half-width ¥: such a message goes out in UTF-8.
  const encoding = picked !== 'utf8' && picked.startsWith('gb') && !fitsGbk(request.text) ? 'utf8' : picked;
  const charset = encoding === 'gbk' ? 'GBK' : encoding === 'gb18030' ? 'GB18030' : 'UTF-8';
  const headers = [
    `From: ${book === en ? '"Jenny Wu" <jenny.wu@example.com>' : `${encodedWord('王磊', 'UTF-8')} <wanglei@example.cn>`}`,
    'To: support@example.com',
    `Date: ${mailDate(sent, offset)}`,
    `Subject: ${book === en && subject.startsWith('Refund') ? subject : encodedWord(subject, charset === 'UTF-8' ? 'UTF-8' : 'GBK')}`,
    `Message-ID: <${r.int(100000, 999999)}@mail.example.com>`,
    'MIME-Version: 1.0',
    `Content-Type: text/plain; charset=${charset}`,
  ];
  const crlf = request.text.replace(/\n/g, '\r\n');
  const content =
    encoding === 'qp'
      ? ['Content-Transfer-Encoding: quoted-printable', '', quotedPrintable(request.text)]
      : encoding === '7bit' && [...request.text].every((char) => char.charCodeAt(0) < 0x80)
        ? ['Content-Transfer-Encoding: 7bit', '', crlf]
        : [
            'Content-Transfer-Encoding: base64',
            '',
            base64Lines(charset === 'UTF-8' ? new TextEncoder().encode(crlf) : encodeGbk(crlf)),
          ];
  return {
    bytes: new TextEncoder().encode([...headers, ...content, ''].join('\r\n')),
    facts: [
      ...request.facts,
      ['requestedAt', isoOf(sent, offset)],
      ...(subject.includes(s.orderId) ? ([['orderId', s.orderId]] as Expected) : []),
    ],
  };
}

/** A colleague's forward of the customer's mail: the request time is the customer's Date line. */
function forwarded(book: Phrasebook): Part {
  const s = scenario(r);
  const request = body(book, s, false);
  const sent = wall(r, s.paid);
  const h12 = sent.h % 12 === 0 ? 12 : sent.h % 12;
  const header =
    book === en
      ? `---------- Forwarded message ---------\nFrom: Jenny Wu <jenny.wu@example.com>\nDate: ${weekday(sent)}, ${MONTHS[sent.m - 1]} ${sent.d}, ${sent.y} at ${h12}:${pad(sent.mi)} ${sent.h < 12 ? 'AM' : 'PM'}\nSubject: Refund\nTo: <sales@example.com>`
      : `-------- 转发邮件信息 --------\n发件人："王磊" <wanglei@example.cn>\n发送时间：${sent.y}-${pad(sent.m)}-${pad(sent.d)} ${pad(sent.h)}:${pad(sent.mi)}\n收件人：sales@example.com\n主题：退款申请`;
  const note =
    book === en
      ? r.pick(['FYI, customer wants a refund, see below.', 'Can you take this one?'])
      : r.pick(['转给你处理一下。', '客户要退款，见下。']);
  return {
    text: `${note}\n\n${header}\n\n${request.text}`,
    facts: [...request.facts, ['requestedAt', isoOf(sent, 480)]],
  };
}

/** How many of each shape, per language. */
const SHAPES = { plain: 60, eml: 15, forwarded: 12, several: 10, none: 13 } as const;

function write(): void {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const expected: Record<string, Expected> = {};
  for (const [lang, book] of [
    ['en', en],
    ['zh', zh as unknown as Phrasebook],
  ] as const) {
    let n = 0;
    const save = (extension: string, content: string | Uint8Array, facts: Expected) => {
      const name = `${lang}-${String(++n).padStart(3, '0')}.${extension}`;
      writeFileSync(join(OUT, name), content);
      expected[name] = facts;
    };
    for (let i = 0; i < SHAPES.plain; i++) {
      const message = body(book, scenario(r), true);
      save('txt', `${message.text}\n`, message.facts);
    }
    for (let i = 0; i < SHAPES.eml; i++) {
      const message = mail(book);
      save('eml', message.bytes, message.facts);
    }
    for (const [count, make] of [
      [SHAPES.forwarded, forwarded],
      [SHAPES.several, severalOrders],
      [SHAPES.none, noFacts],
    ] as const) {
      for (let i = 0; i < count; i++) {
        const message = make(book);
        save('txt', `${message.text}\n`, message.facts);
      }
    }
  }
  // One fact a line, as the repository's formatter writes it, so a reviewer reads each message's facts at a glance.
  const entries = Object.entries(expected).map(([name, facts]) =>
    facts.length === 0
      ? `  ${JSON.stringify(name)}: []`
      : `  ${JSON.stringify(name)}: [\n${facts.map(([fact, value]) => `    [${JSON.stringify(fact)}, ${JSON.stringify(value)}]`).join(',\n')}\n  ]`,
  );
  writeFileSync(join(OUT, 'expected.json'), `{\n${entries.join(',\n')}\n}\n`);
}

export type { Random };
write();
