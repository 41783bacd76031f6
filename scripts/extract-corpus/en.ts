/** English phrasings of a scenario: several ways a customer states each fact, and some that state none. */
import type { Expected, Random, Scenario, Wall } from './scenario';
import { isoOf } from './scenario';

export interface Part {
  text: string;
  facts: Expected;
}
const part = (text: string, facts: Expected = []): Part => ({ text, facts });

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const pad = (n: number) => String(n).padStart(2, '0');

function date(r: Random, w: Wall): string {
  return r.pick([
    () => `${w.y}-${pad(w.m)}-${pad(w.d)}`,
    () => `${MONTHS[w.m - 1]} ${w.d}, ${w.y}`,
    () => `${w.d} ${MONTHS[w.m - 1]} ${w.y}`,
    () => `${MONTHS[w.m - 1]!.slice(0, 3)} ${w.d}, ${w.y}`,
    () => `${w.y}/${w.m}/${w.d}`,
  ])();
}

function clock(r: Random, w: Wall): string {
  const h12 = w.h % 12 === 0 ? 12 : w.h % 12;
  return r.pick([
    () => `${pad(w.h)}:${pad(w.mi)}`,
    () => `${h12}:${pad(w.mi)} ${w.h < 12 ? 'am' : 'pm'}`,
    () => `${h12}:${pad(w.mi)} ${w.h < 12 ? 'AM' : 'PM'}`,
  ])();
}

/** A date and time with a written zone or none; the value decide would take. */
function when(r: Random, w: Wall): { text: string; iso: string } {
  const zone = r.pick([
    ['', 480],
    ['', 480],
    [' (Beijing time)', 480],
    [' UTC+8', 480],
    [' UTC', 0],
    [' GMT+8', 480],
    [' PST', -480],
  ] as const);
  const at = r.pick([' at ', ' ', ', ']);
  return { text: `${date(r, w)}${at}${clock(r, w)}${zone[0]}`, iso: isoOf(w, zone[1]) };
}

const money = (r: Random, s: Scenario, written: string) =>
  s.currency === 'USD'
    ? r.pick([`$${written}`, `USD ${written}`, `US$${written}`, `${written} USD`])
    : r.pick([
        `¥${written}`,
        `￥${written}`,
        `RMB ${written}`,
        `${written} yuan`,
        `CNY ${written}`,
        `${written} RMB`,
      ]);

const KIND_WORDS: Record<Scenario['kind'], readonly (readonly [string, boolean])[]> = {
  saas: [
    ['project management SaaS', true],
    ['SaaS subscription', true],
    ['SaaS tool', true],
    ['CRM software subscription', true],
    ['online accounting app', false],
  ],
  service: [
    ['deployment service', true],
    ['migration service', true],
    ['O&M service', true],
    ['implementation service', true],
    ['setup help package', false],
  ],
  image: [
    ['WordPress image', true],
    ['Windows Server image', true],
    ['machine image', true],
    ['VM image', true],
    ['server image', true],
    ['Ubuntu image', false],
  ],
  api: [
    ['speech-to-text API', true],
    ['API package', true],
    ['OCR API', true],
    ['downloadable product', true],
    ['SDK bundle', false],
  ],
  rtc_package: [
    ['voice call package', true],
    ['calling minutes package', true],
    ['communication package', true],
    ['RTC minutes pack', true],
    ['video meeting credits', false],
  ],
};

export function kindPart(r: Random, s: Scenario): Part {
  const [word, stated] = r.pick(KIND_WORDS[s.kind]);
  const text = r.pick([
    `I bought your ${word}`,
    `This is about the ${word} I purchased`,
    `It's regarding the ${word} from the marketplace`,
    `I ordered the ${word} last month`,
  ]);
  return part(`${text}.`, stated ? [['productType', s.kind]] : []);
}

export function orderPart(r: Random, s: Scenario): Part {
  const text = r.pick([
    `My order ID is ${s.orderId}.`,
    `Order number: ${s.orderId}`,
    `(order #${s.orderId})`,
    `The order is ${s.orderId}.`,
    `Order no. ${s.orderId}`,
  ]);
  return part(text, [['orderId', s.orderId]]);
}

export function amountPart(r: Random, s: Scenario): Part {
  const order = money(r, s, s.order.written);
  const currency: Expected = [['currency', s.currency]];
  if (s.voucher !== undefined) {
    const voucher = money(r, s, s.voucher.written);
    return part(
      r.pick([
        `The order total was ${order} and I used a ${voucher} voucher.`,
        `Price: ${order}, with a coupon of ${voucher} applied.`,
        `The order amount was ${order}; a ${voucher} coupon covered part of it.`,
      ]),
      [['orderAmount', s.order.minor], ['voucherAmount', s.voucher.minor], ...currency],
    );
  }
  return r.pick([
    () => part(`It cost ${order}.`, [['orderAmount', s.order.minor], ...currency]),
    () => part(`I paid ${order} for it.`, [['orderAmount', s.order.minor], ...currency]),
    () => part(`I was charged ${order}.`, [['orderAmount', s.order.minor], ...currency]),
    () => part(`The order total came to ${order}.`, [['orderAmount', s.order.minor], ...currency]),
    () => part(`${order} was deducted from my account.`, [['orderAmount', s.order.minor], ...currency]),
    () => part(`Total: ${order}`, [['orderAmount', s.order.minor], ...currency]),
    () => part(`I spent ${order} on this.`, [['orderAmount', s.order.minor], ...currency]),
    // An estimate is not a fact a careful agent would enter.
    () => part(`It was roughly ${order}, I don't remember exactly.`),
  ])();
}

export function paidPart(r: Random, s: Scenario): Part {
  const at = when(r, s.paid);
  return r.pick([
    () => part(`I paid on ${at.text}.`, [['paidAt', at.iso]]),
    () => part(`Payment went through on ${at.text}.`, [['paidAt', at.iso]]),
    () => part(`I purchased it on ${at.text}.`, [['paidAt', at.iso]]),
    () => part(`Payment time: ${at.text}`, [['paidAt', at.iso]]),
    () => part(`My card was charged on ${at.text}.`, [['paidAt', at.iso]]),
    () => part(`Order placed ${at.text}.`, [['paidAt', at.iso]]),
    // A day without its time: the window turns on the hour, so no instant is taken.
    () => part(`I bought it on ${date(r, s.paid)}.`),
  ])();
}

export function requestedPart(r: Random, s: Scenario): Part {
  const at = when(r, s.requested);
  return r.pick([
    () => part(`I first requested a refund on ${at.text} but heard nothing.`, [['requestedAt', at.iso]]),
    () => part(`I submitted a refund request on ${at.text}.`, [['requestedAt', at.iso]]),
    () => part(`I already asked for a refund on ${at.text}.`, [['requestedAt', at.iso]]),
  ])();
}

export function statePart(r: Random, s: Scenario): Part[] {
  const parts: Part[] = [];
  if (s.imageInUse !== undefined) {
    const phrases = s.imageInUse
      ? [
          'The instance is still running.',
          "I'm still using the image on two servers.",
          'The image is still in use.',
          'The image runs on our production server.',
        ]
      : [
          'I have stopped using the image.',
          'The server has been released already.',
          'I never used the image at all.',
          'I deleted the VM the same day.',
          'We are no longer using the image.',
        ];
    const phrase = r.pick(phrases);
    // Naming the image names the kind too.
    const kind: Expected = phrase.includes('image') ? [['productType', 'image']] : [];
    parts.push(part(phrase, [['imageInUse', s.imageInUse], ...kind]));
  }
  if (s.payg !== undefined && r.chance(0.6)) {
    parts.push(
      s.payg
        ? part("It's billed pay-as-you-go.", [['billingMethod', 'pay_as_you_go']])
        : part('I chose the annual subscription.', [['billingMethod', 'subscription']]),
    );
  }
  if (s.serviceInProgress !== undefined) {
    const phrases: readonly (readonly [string, boolean])[] = s.serviceInProgress
      ? [
          ['The deployment is still in progress.', true],
          ['Your engineer is still working on it.', true],
          ['The work is not finished yet.', true],
          ["Your team hasn't finished the setup.", true],
          ['Nobody has contacted me about the work since.', false],
        ]
      : [
          ['The migration was completed last week.', true],
          ['The work has been finished.', true],
          ['The service was delivered on time, but it is not what we need.', true],
        ];
    const [text, stated] = r.pick(phrases);
    parts.push(
      part(text, stated ? [['serviceStatus', s.serviceInProgress ? 'in_progress' : 'completed']] : []),
    );
  }
  if (s.minutes !== undefined) {
    parts.push(
      r.pick([
        () => part(`We have used ${s.minutes} minutes so far.`, [['consumedMinutes', s.minutes!]]),
        () => part(`Only ${s.minutes} minutes were used.`, [['consumedMinutes', s.minutes!]]),
        () => part(`We used about ${s.minutes} minutes, maybe less.`),
        () => part(`Usage so far: ${s.minutes} min.`, [['consumedMinutes', s.minutes!]]),
      ])(),
    );
  }
  if (s.invoiceIssued !== undefined) {
    const phrases = s.invoiceIssued
      ? [
          'An invoice was already issued to our company.',
          'We have received the invoice.',
          'The fapiao has been issued.',
          'The invoice was sent to our finance team.',
        ]
      : [
          'No invoice has been issued.',
          "I haven't requested an invoice.",
          'The invoice was not issued yet.',
          "We don't have an invoice for it.",
        ];
    parts.push(part(r.pick(phrases), [['invoiceIssued', s.invoiceIssued]]));
  }
  return parts;
}

export const GREETINGS = ['Hello,', 'Hi team,', 'Dear support,', 'Hi there,', 'Good morning,', ''];
export const CLOSINGS = [
  'Please refund it. Thanks.',
  'Could you please process a refund as soon as possible?',
  'I would like my money back.',
  'Thank you,\nMark',
  'Regards,\nJenny Wu\nProcurement, Hillside Labs\nTel: +1 415 555 0132',
  'Looking forward to your reply.',
];
/** Numbers that are not facts: phone numbers, tickets, versions, sizes, links. */
export const NOISE = [
  'My ticket number is T-44190, in case it helps.',
  'We run version 3.2.1 on 4 nodes.',
  'Call me at 415-555-0199 after 6.',
  'See https://example.com/console/billing?id=8812 for the screenshot.',
  'I have 2 other products from you that work fine.',
  'sry for typos, writing from my phone 🙏',
  'The error code was 502 and then 504.',
];
export const NO_FACTS = [
  'Hi, how do I change the email address on my billing account?',
  'Your documentation for the SDK is out of date, the examples fail on line 12.',
  'Thanks for the quick help yesterday, everything works now!',
  'Can I move my licence to a colleague? We have 3 seats.',
  'I cannot log in since this morning, error 403. Please help.',
  'Is there a student discount? I saw 20% mentioned somewhere.',
  'Please send me the product roadmap for next year.',
  'Who do I talk to about a partnership? We are a reseller in Shenzhen.',
];
