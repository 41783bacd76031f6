import { CURRENCY_ALIASES } from '../model/currencies';
import { parseMinorUnits } from '../model/money';
import { MAX_PLAUSIBLE_AMOUNT } from '../model/plausibility';
import { nearestCue, type Cues } from './clauses';
import { matchesOf, type Found } from './proposal';

/** The marks people write for a currency, and the ISO 4217 code each means. */
const CURRENCY_MARKS: Readonly<Record<string, string>> = {
  '¥': 'CNY',
  '￥': 'CNY',
  元: 'CNY',
  块: 'CNY',
  块钱: 'CNY',
  人民币: 'CNY',
  yuan: 'CNY',
  CNY: 'CNY',
  RMB: CURRENCY_ALIASES.RMB!,
  $: 'USD',
  美元: 'USD',
  美金: 'USD',
  US$: 'USD',
  USD: 'USD',
  dollars: 'USD',
  'US dollars': 'USD',
};

const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?`;
// Not part of a larger number, nor a scaled one (1.5万, 2k), a percentage or a rate.
const NOT_AFTER = String.raw`(?![\d.,]*\d|\s*(?:[万千百亿kK%]|per\b|/))`;
const PREFIXED = new RegExp(
  String.raw`(?<![A-Za-z\d.])(US\$|USD|RMB|CNY|人民币|\$|¥|￥)\s?(${NUMBER})${NOT_AFTER}(?:\s?元)?`,
  'g',
);
const SUFFIXED = new RegExp(
  String.raw`(?<![\d.,$¥￥])(${NUMBER})\s?(块钱|元|块|人民币|美元|美金|RMB|CNY|USD|US dollars|dollars|yuan)(?![A-Za-z])`,
  'g',
);

type AmountCue = 'order' | 'paid' | 'voucher' | 'other';

/**
 * What an amount is, by the cue nearest it. "order" names the order's own amount (its price or
 * total); "paid" is what the customer paid, which is the order amount only when no voucher
 * paid part of it; "other" (a refund asked for, a fee, an estimate) proposes nothing.
 */
const AMOUNT_CUES: Cues<AmountCue> = [
  [
    'order',
    /\b(?:order(?:ed)?|price[ds]?|total|costs?|(?<!refund )amount|purchased?|bought|subscription fee)\b|订单|(?<!退款)金额|总价|总额|原价|售价|价格|购买|买了|买的|订购/gi,
  ],
  [
    'paid',
    /\b(?:paid|pay|payment|charged|spent|deducted|billed)\b|付款|支付|付了|花了|扣费|扣了|实付|扣款/gi,
  ],
  [
    'voucher',
    /\b(?:vouchers?|coupons?|promo codes?|discount codes?|gift cards?)\b|代金券|优惠券|抵扣券|抵用券|券/gi,
  ],
  [
    'other',
    /\b(?:refund(?:ed)?|fees?|per|each|balance|compensation)\b|退款|退还|退回|手续费|每|余额|赔偿|左右/gi,
  ],
  [
    'other',
    /\b(?:about|approx(?:imately|\.)?|around|roughly|nearly|almost)\b|≈|~|约|大约|大概|相当于|将近/gi,
    'before',
  ],
];

export interface AmountFound extends Found {
  currency: Found;
  /** The customer's payment rather than the order's price: an order amount only without a voucher. */
  paid: boolean;
}

/** Every amount with a currency whose cue says what it is, as order or voucher amounts. */
export function findAmounts(text: string): AmountFound[] {
  const found: AmountFound[] = [];
  const take = (start: number, end: number, digits: string, mark: string, markStart: number) => {
    const currency = CURRENCY_MARKS[mark]!;
    const amount = parseMinorUnits(digits, currency);
    if (amount === null || amount === 0 || amount > MAX_PLAUSIBLE_AMOUNT) return;
    if (found.some((other) => other.start < end && start < other.end)) return;
    const cue = nearestCue(text, start, end, AMOUNT_CUES);
    if (cue === undefined || cue === 'other') return;
    found.push({
      fact: cue === 'voucher' ? 'voucherAmount' : 'orderAmount',
      value: amount,
      start,
      end,
      paid: cue === 'paid',
      currency: { fact: 'currency', value: currency, start: markStart, end: markStart + mark.length },
    });
  };
  for (const match of matchesOf(PREFIXED, text)) {
    const [whole, mark, digits] = match as unknown as [string, string, string];
    take(match.index, match.index + whole.length, digits, mark, match.index);
  }
  for (const match of matchesOf(SUFFIXED, text)) {
    const [whole, digits, mark] = match as unknown as [string, string, string];
    const end = match.index + whole.length;
    take(match.index, end, digits, mark, end - mark.length);
  }
  // With a voucher in the message, what the customer "paid" is the cash part, not the order.
  const voucher = found.some((amount) => amount.fact === 'voucherAmount');
  return found.filter((amount) => !(voucher && amount.paid));
}
