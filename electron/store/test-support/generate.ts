import type { NewCase } from '../../../shared/model/case';
import { PRODUCT_TYPES, type Facts } from '../../../shared/model/facts';

/** mulberry32: small, fast and seedable, so a benchmark or crash run can be repeated. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = [
  'Wang',
  'Li',
  'Zhang',
  'Liu',
  'Chen',
  'Yang',
  'Huang',
  'Zhao',
  'Wu',
  'Zhou',
  'Xu',
  'Sun',
  'Ma',
  'Zhu',
  'Hu',
  'Guo',
  'He',
  'Lin',
  'Gao',
  'Luo',
  'Smith',
  'Garcia',
  'Müller',
  'Tanaka',
  'Kim',
];
const GIVEN = [
  'Wei',
  'Fang',
  'Na',
  'Min',
  'Jing',
  'Li',
  'Qiang',
  'Lei',
  'Jun',
  'Yang',
  'Yong',
  'Yan',
  'Jie',
  'Tao',
  'Ming',
  'Chao',
  'Xiu',
  'Hua',
  'Ping',
  'Gang',
  'Anna',
  'John',
  'Maria',
  'Kenji',
  'Ji-ho',
];
const CHINESE = ['王伟', '李娜', '张敏', '刘洋', '陈静', '杨磊', '黄勇', '赵杰', '吴涛', '周明'];
const PRODUCTS = [
  'SiteBuilder',
  'ShopCloud',
  'CRM Suite',
  'Ubuntu Image',
  'CentOS Image',
  'Windows Server Image',
  'Website Build',
  'Ops Care',
  'OCR API',
  'Maps SDK',
  'RTC Minutes',
  'Video Call Pack',
];
const EDITIONS = ['Basic', 'Pro', 'Enterprise', 'Starter', 'Plus', '标准版', '专业版'];

const HOUR = 3_600_000;

/**
 * A realistic case: names in pinyin, Chinese or other scripts, unique order ids, a few
 * hundred providers, every product kind, and facts complete enough for most to decide.
 */
export function generateCase(random: () => number, index: number, now: number): NewCase {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const kind = pick(PRODUCT_TYPES);
  const paid = now - Math.floor(random() * 40 * 24) * HOUR;
  const facts: Facts = {
    productType: kind,
    paidAt: new Date(paid).toISOString(),
    requestedAt: new Date(paid + Math.floor(random() * (now - paid))).toISOString(),
    orderAmount: 100 * (10 + Math.floor(random() * 5000)),
    voucherAmount: random() < 0.2 ? 1000 : 0,
    currency: 'CNY',
    invoiceIssued: random() < 0.3,
  };
  if (kind === 'image')
    Object.assign(facts, {
      billingMethod: random() < 0.8 ? 'subscription' : 'pay_as_you_go',
      imageInUse: random() < 0.5,
    });
  if (kind === 'service')
    Object.assign(facts, {
      serviceStatus: random() < 0.6 ? 'in_progress' : 'completed',
      guaranteeEndsAt: new Date(paid + 30 * 24 * HOUR).toISOString(),
    });
  if (kind === 'rtc_package')
    Object.assign(facts, { consumedMinutes: random() < 0.5 ? 0 : Math.floor(random() * 900) });
  const name = random() < 0.3 ? pick(CHINESE) : `${pick(GIVEN)} ${pick(SURNAMES)}`;
  return {
    customer: {
      name,
      accountId: `acc-${String(index * 7 + 1_000_003).padStart(8, '0')}`,
      contact: `user${index}@example.com`,
    },
    orderId: `O-2026-${String(index).padStart(8, '0')}`,
    productName: `${pick(PRODUCTS)} ${pick(EDITIONS)}`,
    provider: `Provider ${Math.floor(random() * 300)}`,
    facts,
    ...(random() < 0.5 ? { assignee: `agent${Math.floor(random() * 20)}` } : {}),
  };
}

/**
 * `count` generated cases from one seed, `chunk` at a time, so a benchmark can feed the same
 * rows to every contender without holding them all at once.
 */
export function* generatedChunks(count: number, chunk: number, now: number): Generator<NewCase[]> {
  const random = seededRandom(42);
  for (let start = 0; start < count; start += chunk) {
    yield Array.from({ length: Math.min(chunk, count - start) }, (_, i) =>
      generateCase(random, start + i, now),
    );
  }
}
