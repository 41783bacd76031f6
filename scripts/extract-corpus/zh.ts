/** Chinese phrasings of a scenario: several ways a customer states each fact, and some that state none. */
import type { Part } from './en';
import type { Expected, Random, Scenario, Wall } from './scenario';
import { isoOf } from './scenario';

const part = (text: string, facts: Expected = []): Part => ({ text, facts });
const pad = (n: number) => String(n).padStart(2, '0');

function date(r: Random, w: Wall): string {
  return r.pick([
    () => `${w.y}年${w.m}月${w.d}日`,
    () => `${w.y}年${w.m}月${w.d}号`,
    () => `${w.y}-${pad(w.m)}-${pad(w.d)}`,
    () => `${w.y}/${w.m}/${w.d}`,
  ])();
}

function clock(r: Random, w: Wall): string {
  const period = w.h < 6 ? '凌晨' : w.h < 12 ? '上午' : w.h < 18 ? '下午' : '晚上';
  const h12 = w.h > 12 ? w.h - 12 : w.h;
  return r.pick([
    () => `${pad(w.h)}:${pad(w.mi)}`,
    () => `${w.h}:${pad(w.mi)}`,
    () => (w.mi === 0 ? `${period}${h12}点` : `${period}${h12}点${w.mi}分`),
  ])();
}

function when(r: Random, w: Wall): { text: string; iso: string } {
  const [before, after, offset] = r.pick([
    ['', '', 480],
    ['', '', 480],
    ['北京时间', '', 480],
    ['', '（北京时间）', 480],
    ['', ' UTC+8', 480],
  ] as const);
  const day = date(r, w);
  const gap = /[日号]$/.test(day) ? r.pick(['', ' ']) : ' ';
  return { text: `${before}${day}${gap}${clock(r, w)}${after}`, iso: isoOf(w, offset) };
}

const money = (r: Random, s: Scenario, written: string) =>
  s.currency === 'USD'
    ? r.pick([`${written}美元`, `$${written}`, `USD ${written}`])
    : r.pick([
        `${written}元`,
        `￥${written}`,
        `¥${written}元`,
        `人民币${written}元`,
        `${written}块钱`,
        `RMB ${written}`,
      ]);

const KIND_WORDS: Record<Scenario['kind'], readonly (readonly [string, boolean])[]> = {
  saas: [
    ['SaaS软件', true],
    ['这个SaaS产品', true],
    ['软件订阅', true],
    ['在线记账工具', false],
  ],
  service: [
    ['数据库迁移服务', true],
    ['运维服务', true],
    ['部署服务', true],
    ['实施服务', true],
    ['迁移服务', true],
    ['上门调试', false],
  ],
  image: [
    ['WordPress镜像', true],
    ['镜像', true],
    ['这个镜像', true],
    ['云市场镜像', true],
    ['系统盘模板', false],
  ],
  api: [
    ['人脸识别API', true],
    ['API接口', true],
    ['这个API', true],
    ['短信API', true],
    ['开发工具包', false],
  ],
  rtc_package: [
    ['语音通话时长包', true],
    ['通信时长包', true],
    ['音视频通信时长包', true],
    ['时长包', true],
    ['会议点数', false],
  ],
};

export function kindPart(r: Random, s: Scenario): Part {
  const [word, stated] = r.pick(KIND_WORDS[s.kind]);
  const text = r.pick([
    `我购买了贵司的${word}`,
    `关于我在云市场买的${word}`,
    `上个月订购了${word}`,
    `我们公司买了${word}`,
  ]);
  return part(`${text}。`, stated ? [['productType', s.kind]] : []);
}

export function orderPart(r: Random, s: Scenario): Part {
  return part(
    r.pick([
      `订单号：${s.orderId}`,
      `订单号 ${s.orderId}。`,
      `订单编号${s.orderId}，`,
      `我的订单${s.orderId}。`,
      `（订单号:${s.orderId}）`,
    ]),
    [['orderId', s.orderId]],
  );
}

export function amountPart(r: Random, s: Scenario): Part {
  const order = money(r, s, s.order.written);
  const currency: Expected = [['currency', s.currency]];
  if (s.voucher !== undefined) {
    const voucher = money(r, s, s.voucher.written);
    return part(
      r.pick([
        `订单金额${order}，使用了${voucher}代金券。`,
        `原价${order}，用了一张${voucher}的优惠券。`,
        `订单总额${order}（代金券抵扣${voucher}）。`,
      ]),
      [['orderAmount', s.order.minor], ['voucherAmount', s.voucher.minor], ...currency],
    );
  }
  return r.pick([
    () => part(`订单金额${order}。`, [['orderAmount', s.order.minor], ...currency]),
    () => part(`支付了${order}。`, [['orderAmount', s.order.minor], ...currency]),
    () => part(`花了${order}。`, [['orderAmount', s.order.minor], ...currency]),
    () => part(`价格是${order}。`, [['orderAmount', s.order.minor], ...currency]),
    () => part(`扣了我${order}。`, [['orderAmount', s.order.minor], ...currency]),
    () => part(`一共${order}。`, [['orderAmount', s.order.minor], ...currency]),
    () => part(`大概${order}左右，具体记不清了。`),
  ])();
}

export function paidPart(r: Random, s: Scenario): Part {
  const at = when(r, s.paid);
  return r.pick([
    () => part(`我于${at.text}付款。`, [['paidAt', at.iso]]),
    () => part(`${at.text}下单购买的。`, [['paidAt', at.iso]]),
    () => part(`支付时间：${at.text}`, [['paidAt', at.iso]]),
    () => part(`付款时间是${at.text}。`, [['paidAt', at.iso]]),
    () => part(`${at.text}扣的款。`, [['paidAt', at.iso]]),
    () => part(`下单时间：${at.text}`, [['paidAt', at.iso]]),
    () => part(`是${s.paid.m}月${s.paid.d}号买的。`),
  ])();
}

export function requestedPart(r: Random, s: Scenario): Part {
  const at = when(r, s.requested);
  return r.pick([
    () => part(`我在${at.text}已经申请过退款，一直没有回复。`, [['requestedAt', at.iso]]),
    () => part(`${at.text}提交了退款申请。`, [['requestedAt', at.iso]]),
  ])();
}

export function statePart(r: Random, s: Scenario): Part[] {
  const parts: Part[] = [];
  if (s.imageInUse !== undefined) {
    const phrases = s.imageInUse
      ? ['镜像还在使用中。', '实例仍在运行。', '目前服务器正在使用这个镜像。', '镜像现在还在用。']
      : [
          '服务器已释放。',
          '从未使用过这个镜像。',
          '实例已经删除了。',
          '镜像没有使用。',
          '已经不用这个镜像了。',
        ];
    const phrase = r.pick(phrases);
    // Naming the image names the kind too.
    const kind: Expected = phrase.includes('镜像') ? [['productType', 'image']] : [];
    parts.push(part(phrase, [['imageInUse', s.imageInUse], ...kind]));
  }
  if (s.payg !== undefined && r.chance(0.6)) {
    parts.push(
      s.payg
        ? part('计费方式是按量付费。', [['billingMethod', 'pay_as_you_go']])
        : part('买的是包年包月。', [['billingMethod', 'subscription']]),
    );
  }
  if (s.serviceInProgress !== undefined) {
    const phrases: readonly (readonly [string, boolean])[] = s.serviceInProgress
      ? [
          ['服务还在进行中。', true],
          ['实施尚未完成。', true],
          ['服务商还没做完。', true],
          ['工程师正在部署，但进度很慢。', true],
          ['之后就没人联系过我。', false],
        ]
      : [
          ['部署已经完成了。', true],
          ['项目已交付。', true],
          ['迁移已完成，但效果不理想。', true],
        ];
    const [text, stated] = r.pick(phrases);
    parts.push(
      part(text, stated ? [['serviceStatus', s.serviceInProgress ? 'in_progress' : 'completed']] : []),
    );
  }
  if (s.minutes !== undefined) {
    parts.push(
      r.pick([
        () => part(`已使用${s.minutes}分钟。`, [['consumedMinutes', s.minutes!]]),
        () => part(`目前用了${s.minutes}分钟。`, [['consumedMinutes', s.minutes!]]),
        () => part(`大约用了${s.minutes}分钟吧。`),
        () => part(`通话已经打了${s.minutes}分钟。`, [['consumedMinutes', s.minutes!]]),
      ])(),
    );
  }
  if (s.invoiceIssued !== undefined) {
    const phrases = s.invoiceIssued
      ? ['已经开了发票。', '发票已开具。', '我们已收到发票。', '发票已经寄给我们了。']
      : ['还没有开发票。', '未开具发票。', '发票尚未开具。', '没有要发票。'];
    parts.push(part(r.pick(phrases), [['invoiceIssued', s.invoiceIssued]]));
  }
  return parts;
}

export const GREETINGS = ['您好，', '你好！', '客服您好：', '', '你好，麻烦看一下：'];
export const CLOSINGS = [
  '麻烦尽快退款，谢谢！',
  '请帮忙处理退款。',
  '希望尽快给个答复。',
  '谢谢\n王磊\n上海某某科技有限公司\n电话：021-5555 0188',
  '急！！！',
];
export const NOISE = [
  '工单号T-99812，之前反馈过。',
  '我的手机是138-0013-8000。',
  '截图见附件（共3张）。',
  '系统版本V2.4.7。',
  '我们有5台机器都用了你们的产品。',
  '不好意思打字比较急😂',
];
export const NO_FACTS = [
  '你好，请问怎么修改发票抬头？',
  '你们的产品挺好用的，谢谢客服的耐心解答！',
  '登录一直报错403，麻烦看一下。',
  '请问有没有教育优惠？听说有八折。',
  '想咨询一下代理合作的事情，我们在深圳。',
  '文档里第12行的示例跑不通，能更新一下吗？',
  '账号能不能转给同事用？我们有3个席位。',
];
