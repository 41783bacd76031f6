import { EARLIEST_YEAR, LATEST_YEAR } from '../model/plausibility';
import { InstantFormatError, parseInstant } from '../policy/time';
import { nearestCue, type Cues } from './clauses';
import { matchesOf, type Found } from './proposal';

/**
 * Instants in a message: a date with its time of day. A date alone proposes nothing (the text
 * does not say when in the day, and a refund window turns on it); nor does a date without its
 * year, a numeric date in the ambiguous 03/05/2026 order, or a time in a zone not known here.
 * A time without a zone is read in the policy zone, and the proposal says so.
 */

const MONTH = String.raw`(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Each date form and how its groups give year, month and day. */
const DATES: readonly (readonly [RegExp, (groups: string[]) => [number, number, number]])[] = [
  [/(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/g, ([y, m, d]) => [+y!, +m!, +d!]],
  [/(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/g, ([y, m, d]) => [+y!, +m!, +d!]],
  [
    new RegExp(String.raw`\b${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`, 'gi'),
    ([mon, d, y]) => [+y!, monthOf(mon!), +d!],
  ],
  [
    new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH},?\s+(\d{4})\b`, 'gi'),
    ([d, mon, y]) => [+y!, monthOf(mon!), +d!],
  ],
];
const monthOf = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

const PERIOD = '上午|下午|晚上|早上|凌晨|中午|傍晚';
// Right after the date: a clock time (14:30, 2:30 pm, 下午2点半, 2pm), then perhaps a zone.
const TIME = new RegExp(
  String.raw`(?:\s*,?\s*(?:at\s+|@\s*|T)?|T)(?:(?<period>${PERIOD})\s*)?` +
    String.raw`(?:(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?(?:\.\d+)?|(?<zh>\d{1,2})\s*[点时](?:\s*(?<zhm>\d{1,2})\s*分|(?<half>半))?|(?<bare>\d{1,2})(?=\s*[ap]\.?m\b))` +
    String.raw`(?:\s*(?<ampm>[ap])(?:m\b|\.m\.))?`,
  'iy',
);
const ZONE = new RegExp(
  String.raw`(?<z>Z(?![A-Za-z]))|\s*[(（]?\s*(?:(?<utc>UTC|GMT)\s?(?:(?<sign>[+-])\s?(?<oh>\d{1,2})(?::?(?<om>\d{2}))?)?|(?<offset>[+-]\d{2}:?\d{2})|(?<beijing>Beijing time|China (?:standard )?time|北京时间|东八区)|(?<abbr>[A-Z]{2,5}\b))(?:\s*[)）])?`,
  'y',
);
/** Zone abbreviations with one meaning; any other (CST, IST, BST: each means several) proposes nothing. */
const ABBREVIATIONS: Readonly<Record<string, number>> = {
  UT: 0,
  PST: -480,
  PDT: -420,
  EST: -300,
  EDT: -240,
  CET: 60,
  CEST: 120,
  JST: 540,
  KST: 540,
  SGT: 480,
  HKT: 480,
};
const POLICY_OFFSET = 480;
const ZONE_BEFORE = /(?:北京时间|Beijing time|东八区)\s*:?\s*$/;

type Role = 'pay' | 'request' | 'other';
const ROLE_CUES: Cues<Role> = [
  [
    'pay',
    /\b(?:paid|pay|payment|purchased?|bought|ordered|placed (?:the|an|my|this) order|order placed|subscribed|charged|deducted|billed)\b|付款|支付|付费|购买|购入|下单|买的|买了|订购|扣(?:了|的)?款|扣费/gi,
  ],
  [
    'request',
    /\b(?:request(?:ed|ing)?|asked for|appl(?:y|ied|ying) for|submitted|filed|raised)\b|申请|提交|提出|发起/gi,
  ],
  [
    'other',
    /\b(?:expire[sd]?|expiry|expiration|until|deadline|guarantee|warranty|renew(?:al|s|ed)?|delivered|scheduled|meeting|call|started|starts?|ends?)\b|到期|截止|保障期|保修|续费|交付|会议|预约|开始|上线|结束/gi,
  ],
];

interface Clock {
  end: number;
  iso: string;
  assumed: boolean;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function hourOf(groups: Record<string, string | undefined>): number | null {
  const written = Number(groups.h ?? groups.zh ?? groups.bare);
  const period = groups.period;
  const ampm = groups.ampm?.toLowerCase();
  if (ampm !== undefined) {
    if (written < 1 || written > 12) return null;
    return (written % 12) + (ampm === 'p' ? 12 : 0);
  }
  if ((period === '下午' || period === '晚上' || period === '傍晚') && written < 12) return written + 12;
  if (period === '中午' && written < 11) return written + 12;
  return written;
}

function offsetOf(groups: Record<string, string | undefined>): number | null | undefined {
  if (groups.z !== undefined) return 0;
  if (groups.utc !== undefined) {
    if (groups.sign === undefined) return 0;
    const minutes = Number(groups.oh) * 60 + Number(groups.om ?? 0);
    return groups.sign === '-' ? -minutes : minutes;
  }
  if (groups.offset !== undefined) {
    const digits = groups.offset.replace(':', '');
    const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
    return digits.startsWith('-') ? -minutes : minutes;
  }
  if (groups.beijing !== undefined) return POLICY_OFFSET;
  if (groups.abbr !== undefined) return ABBREVIATIONS[groups.abbr] ?? null;
  return undefined;
}

const formatOffset = (minutes: number) =>
  `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;

/** The time of day and zone written right after a date, as an ISO instant; null if absent or unreadable. */
function clockAfter(text: string, dateStart: number, dateEnd: number, [y, m, d]: number[]): Clock | null {
  TIME.lastIndex = dateEnd;
  const time = TIME.exec(text);
  if (time === null) return null;
  const groups = time.groups!;
  const hour = hourOf(groups);
  const minute = groups.half !== undefined ? 30 : Number(groups.mi ?? groups.zhm ?? 0);
  const second = Number(groups.s ?? 0);
  let end = TIME.lastIndex;
  ZONE.lastIndex = end;
  const zone = ZONE.exec(text);
  let offset = zone === null ? undefined : offsetOf(zone.groups!);
  if (offset === null || hour === null) return null;
  if (zone !== null) end = ZONE.lastIndex;
  if (offset === undefined && ZONE_BEFORE.test(text.slice(Math.max(0, dateStart - 12), dateStart))) {
    offset = POLICY_OFFSET;
  }
  const iso = `${pad(y!, 4)}-${pad(m!)}-${pad(d!)}T${pad(hour)}:${pad(minute)}:${pad(second)}${formatOffset(offset ?? POLICY_OFFSET)}`;
  try {
    parseInstant(iso);
  } catch (error) {
    if (error instanceof InstantFormatError) return null;
    throw error;
  }
  return { end, iso, assumed: offset === undefined };
}

interface Dated {
  start: number;
  end: number;
  iso: string;
  assumed: boolean;
}

function findDated(text: string): Dated[] {
  const dated: Dated[] = [];
  for (const [pattern, read] of DATES) {
    for (const match of matchesOf(pattern, text)) {
      const start = match.index;
      const ymd = read(match.slice(1));
      if (ymd[0] < EARLIEST_YEAR || ymd[0] >= LATEST_YEAR || ymd[1] < 1) continue;
      const clock = clockAfter(text, start, start + match[0].length, ymd);
      if (clock === null || dated.some((other) => other.start < clock.end && start < other.end)) continue;
      dated.push({ start, end: clock.end, iso: clock.iso, assumed: clock.assumed });
    }
  }
  return dated;
}

// A mail header block: a Date or Sent line among From/To/Subject lines, as mail programs write
// them at the top of a message and of each forwarded one.
const HEADER_DATE = /^[ \t>]*(?:Date|Sent|发送时间|日期|时间)[ \t]*:[^\n]*$/gim;
const HEADER_FROM = /^[ \t>]*(?:From|发件人)[ \t]*:/im;

/** The header date lines' spans; the customer's own is the last (the innermost forwarded message). */
function headerDateLines(text: string): [number, number][] {
  const lines: [number, number][] = [];
  for (const match of matchesOf(HEADER_DATE, text)) {
    const around = text.slice(Math.max(0, match.index - 300), match.index + match[0].length + 300);
    if (HEADER_FROM.test(around)) lines.push([match.index, match.index + match[0].length]);
  }
  return lines;
}

/** Payment and request instants: by the cue nearest each, and the mail's own Date as the request. */
export function findInstants(text: string): Found[] {
  const headers = headerDateLines(text);
  const inHeader = (at: Dated) => headers.findIndex(([from, to]) => at.start >= from && at.end <= to);
  const found: Found[] = [];
  const lastHeader = headers.length - 1;
  for (const at of findDated(text)) {
    const line = inHeader(at);
    const role =
      line >= 0
        ? line === lastHeader
          ? 'request'
          : undefined
        : nearestCue(text, at.start, at.end, ROLE_CUES);
    if (role !== 'pay' && role !== 'request') continue;
    found.push({
      fact: role === 'pay' ? 'paidAt' : 'requestedAt',
      value: at.iso,
      start: at.start,
      end: at.end,
      ...(at.assumed ? { assumed: 'policyZone' as const } : {}),
    });
  }
  return found;
}
