import { PRODUCT_TYPES, type ProductType } from '../model/facts';
import { matchesOf, type Found, type Proposal, type ProposalFact } from './proposal';

/**
 * Facts a phrase states outright: the product kind, whether the service is still under way,
 * the image still in use, the invoice issued, the billing method. Each phrase is specific
 * enough to say it alone ("镜像", "machine image"; never a bare "service" or "software", which
 * customers write about anything). The negative phrases are listed too, and where a longer
 * phrase covers a shorter one ("haven't received an invoice" over "received an invoice") the
 * longer wins.
 */
type Phrases = readonly (readonly [ProposalFact, Proposal['value'], RegExp])[];

/**
 * Words customers use for each kind. Not the catalogue's labels themselves: "Service" and
 * "服务" name the kind in the console but mean anything in a customer's mail.
 */
const KIND_WORDS: Readonly<Record<ProductType, RegExp>> = {
  saas: /\bSaaS\b|\bsoftware (?:subscription|licen[cs]e)\b|软件订阅|SaaS/gi,
  service:
    /\b(?:implementation|deployment|migration|O&M|ops|operations|maintenance|consulting|installation|setup|managed|professional)\s+services?\b|\bservice order\b|(?:运维|实施|部署|迁移|安装|技术|代运维|咨询)服务|服务订单|服务类商品/gi,
  image:
    /\b(?:machine|VM|server|system|OS|marketplace|virtual machine)\s+images?\b|\bimage (?:product|order)\b|镜像/gi,
  api: /\bAPI\b|\bdownload(?:able)? products?\b|下载类商品|接口调用/g,
  rtc_package:
    /\b(?:communication|calling|call|minutes?|duration|RTC|audio\/video|voice|video call)\s+(?:package|pack|bundle)s?\b|通信时长包|通话时长包|时长包|音视频通信|分钟包/gi,
};

/** The kind words, one pattern per catalogue kind (the compiler asks for a new kind's). */
const KIND_PHRASES: Phrases = PRODUCT_TYPES.map((kind) => ['productType', kind, KIND_WORDS[kind]] as const);

const SUBJECT = String.raw`(?:service|work|project|implementation|deployment|migration|engineer)`;
const ZH_SUBJECT = '(?:服务|实施|部署|迁移|项目|工作)';
const MACHINE = String.raw`(?:image|instance|server|VM)`;
const ZH_MACHINE = '(?:镜像|实例|服务器)';
const THE = String.raw`(?:the |this |that |my |our |its )?`;

const STATE_PHRASES: Phrases = [
  [
    'serviceStatus',
    'in_progress',
    new RegExp(
      String.raw`\b${SUBJECT}s?\s+(?:is|are|was)\s+(?:still\s+)?(?:in progress|ongoing|underway|under way|not (?:yet )?(?:finished|completed|done))\b|\bstill in progress\b|\b(?:is|are) still working on\b|` +
        `${ZH_SUBJECT}(?:还|仍|仍然|尚|目前)?(?:在进行|进行中|未完成|没有完成|没完成|还没完成)|(?:正在|仍在|还在)(?:实施|部署|迁移|服务)|服务进行中`,
      'gi',
    ),
  ],
  [
    'serviceStatus',
    'completed',
    new RegExp(
      String.raw`\b${SUBJECT}s?\s+(?:is|are|was|were|has been|have been)\s+(?:already\s+|fully\s+)?(?:completed|finished|done|delivered)\b|` +
        `${ZH_SUBJECT}(?:已经|已)(?:全部)?(?:完成|交付|结束)`,
      'gi',
    ),
  ],
  [
    'imageInUse',
    true,
    new RegExp(
      String.raw`\b${MACHINE}s?\s+(?:is|are)\s+still\s+(?:in use|running|being used|deployed)\b|\bstill (?:using|running) ${THE}${MACHINE}\b|` +
        `${ZH_MACHINE}(?:目前|现在|还|仍|仍然|依然)*(?:在|正在)(?:使用|运行)|(?:还在|仍在|正在)(?:使用|运行)(?:该|这个|此)?${ZH_MACHINE}|镜像使用中`,
      'gi',
    ),
  ],
  [
    'imageInUse',
    false,
    new RegExp(
      String.raw`\b(?:stopped using|no longer using|no longer use|never used|never deployed|haven't used|have not used|did not use|didn't use|not using)\s+${THE}${MACHINE}\b|` +
        String.raw`\b${MACHINE}s?\s+(?:has been|have been|was|were|is|are)\s+(?:already\s+)?(?:released|deleted|terminated|stopped|shut down|not in use|no longer in use|never used)\b|\b(?:released|deleted|terminated) ${THE}${MACHINE}\b|` +
        `${ZH_MACHINE}(?:已经|已)?(?:释放|删除|停止使用|停用|停止运行|未使用|没有使用|没使用|未启用)|(?:没有|没|从未|未|已停止|不再)(?:使用|运行|部署)(?:过)?(?:该|这个|此)?${ZH_MACHINE}`,
      'gi',
    ),
  ],
  [
    'invoiceIssued',
    true,
    /\b(?:invoice|fapiao)s?\s+(?:has been|have been|was|were|had been|is already)\s+(?:already\s+)?(?:issued|sent|received|provided)\b|\b(?<!n't |not )(?:received|got) (?:the |an |a |my )?(?:invoice|fapiao)\b|\balready (?:issued|sent|provided) (?:the |an |a )?invoice\b|已(?:经)?开(?:具)?(?:了)?(?:发票|票)|发票已(?:经)?(?:开具|开出|开|寄出|收到)|开了(?:发)?票|收到(?:了)?发票/gi,
  ],
  [
    'invoiceIssued',
    false,
    /\bno invoice (?:has been |was |had been )?(?:issued|requested|sent)\b|\binvoices? (?:has|had|was|were|have) not (?:been |yet been )?(?:issued|requested|sent)\b|\b(?:haven't|have not|hasn't|has not|didn't|did not|never) (?:yet )?(?:been )?(?:issued|received|requested|asked for|got|gotten) (?:an |the |any )?invoice\b|\bwithout (?:an |any )?invoice\b|\b(?:don't|do not|doesn't|does not|didn't|did not) (?:have|get|receive) (?:an |the |any )?invoice\b|(?:未|没有|没|尚未|还没|还没有|并未|从未)(?:开具|开|申请|索取|收到|开过)(?:过)?(?:发票|票)|发票(?:还)?(?:未|没有|没|尚未)(?:开具|开|开出)/gi,
  ],
  ['billingMethod', 'pay_as_you_go', /\bpay[- ]as[- ]you[- ]go\b|按量付费|按量计费|按需付费/gi],
  [
    'billingMethod',
    'subscription',
    /\b(?:monthly|yearly|annual) (?:subscription|plan)\b|包年包月|包年|包月/gi,
  ],
];

const PHRASES: Phrases = [...KIND_PHRASES, ...STATE_PHRASES];

/** Minutes said to be used; an estimate ("about 300") proposes nothing. */
const MINUTES =
  /(?<!about |around |roughly |大约|大概|约)(?:\b(?:used|consumed|spent|burned through|using)\s+(?<en>\d{1,3}(?:,\d{3})+|\d+)\s*(?:minutes|mins?)\b|\b(?<after>\d{1,3}(?:,\d{3})+|\d+)\s*(?:minutes|mins?)\s+(?:have been |were |has been |was |already )?(?:used|consumed)\b|(?:已经|已)?(?:使用了|使用|用了|用掉了|用掉|消耗了|消耗|已用)(?:时长)?\s*:?\s*(?<zh>\d+)\s*分钟)/gi;

export function findPhrases(text: string): Found[] {
  const found: Found[] = [];
  for (const [fact, value, pattern] of PHRASES) {
    for (const match of matchesOf(pattern, text)) {
      found.push({ fact, value, start: match.index, end: match.index + match[0].length });
    }
  }
  for (const match of matchesOf(MINUTES, text)) {
    const digits = match.groups!.en ?? match.groups!.after ?? match.groups!.zh!;
    const minutes = Number(digits.replaceAll(',', ''));
    if (minutes > 0) {
      found.push({
        fact: 'consumedMinutes',
        value: minutes,
        start: match.index,
        end: match.index + match[0].length,
      });
    }
  }
  return found;
}

// An order id follows its cue; a list of them ("ORD-1, ORD-2 and ORD-3") follows one cue.
const ORDER_ID = String.raw`(?=[A-Za-z_-]*\d)([A-Za-z0-9][A-Za-z0-9_-]{3,39})(?![A-Za-z0-9_-])`;
const ORDER_CUE = new RegExp(
  String.raw`(?:\borders?(?:\s*(?:id|no\.?|number|ref(?:erence)?))?|订单(?:号|编号|ID)?)\s*(?:is|was|:|#|为|是|No\.?)?\s*#?\s*${ORDER_ID}`,
  'gi',
);
const NEXT_ID = new RegExp(String.raw`\s*(?:,|and|&|和|、|以及|/|及)\s*#?\s*${ORDER_ID}`, 'iy');

const looksLikeId = (token: string) =>
  /\d/.test(token) && !/^\d{4}-\d{1,2}(?:-\d{1,2})?$/.test(token) && !/^\d{1,4}$/.test(token);

export function findOrderIds(text: string): Found[] {
  const found: Found[] = [];
  const take = (match: RegExpExecArray, token: string) => {
    if (!looksLikeId(token)) return false;
    const start = match.index + match[0].length - token.length;
    found.push({ fact: 'orderId', value: token, start, end: start + token.length });
    return true;
  };
  for (const match of matchesOf(ORDER_CUE, text)) {
    if (!take(match, match[1]!)) continue;
    NEXT_ID.lastIndex = match.index + match[0].length;
    for (let next = NEXT_ID.exec(text); next !== null && take(next, next[1]!); next = NEXT_ID.exec(text)) {
      NEXT_ID.lastIndex = next.index + next[0].length;
    }
  }
  return found;
}
