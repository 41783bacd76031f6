import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/model/case';
import type { Language } from '../../../shared/model/languages';
import { en } from '../../i18n/en';
import { zh } from '../../i18n/zh';
import { auditLines } from './audit-text';

const translations: Record<Language, TFunction> = {} as never;
beforeAll(async () => {
  for (const language of ['en', 'zh'] as const) {
    const instance = i18next.createInstance();
    await instance.init({
      resources: { en: { translation: en }, zh: { translation: zh } },
      lng: language,
      interpolation: { escapeValue: false },
    });
    translations[language] = instance.t;
  }
});

let seq = 0;
const entry = (action: string, detail: Record<string, unknown>, actor = 'Mei Lin'): AuditEntry => ({
  seq: ++seq,
  caseRef: 'RC-000001',
  action,
  actor,
  at: '2026-03-02T02:00:00.000Z',
  detail,
  hash: 'x',
});

const created = entry('case.create', { facts: { productType: 'saas', orderAmount: 9900, currency: 'CNY' } });
const trail: AuditEntry[] = [
  created,
  // Written before changes were kept: read against the facts before it.
  entry('case.facts', {
    facts: { productType: 'saas', orderAmount: 12000, currency: 'CNY', invoiceIssued: true },
  }),
  entry('case.facts', {
    facts: { productType: 'saas', orderAmount: 12000, currency: 'CNY', invoiceIssued: true, paidAt: 'x' },
    changes: [{ fact: 'paidAt', from: null, to: '2026-03-01T10:00:00+08:00' }],
  }),
  entry('case.fields', { changes: [{ field: 'customerName', from: 'Li Wei', to: 'Wang Fang' }] }),
  entry('case.assign', { from: null, to: 'Bo' }, 'lead'),
  entry('case.status', { from: 'closed', to: 'open', reason: 'customer wrote again' }),
  entry('decision.record', {
    recordedOutcome: 'eligible',
    refundAmount: 12000,
    currency: 'CNY',
    override: null,
  }),
  entry('reply.sent', { language: 'zh', outcome: 'eligible', body: '您好' }),
  entry('reply.sent', {
    language: 'en',
    outcome: 'eligible',
    amount: 300_000,
    currency: 'CNY',
    deadline: null,
    body: 'Hello',
  }),
  entry('usage.export', { characters: 120, replaced: false }),
  entry('usage.export', { characters: 130, replaced: true }),
];

const sentences = (language: Language) =>
  auditLines(trail, { t: translations[language], language, time: (iso) => `<${iso}>` }).map((line) =>
    line.sentences.join(' '),
  );

describe('the audit trail as sentences', () => {
  it('says who changed what from which value to which, in English', () => {
    expect(sentences('en')).toEqual([
      'Mei Lin opened the case.',
      'Mei Lin set Invoice issued to Yes. Mei Lin changed Order amount from CNY 99.00 to CNY 120.00.',
      'Mei Lin set Paid at to <2026-03-01T10:00:00+08:00>.',
      'Mei Lin changed Customer from Li Wei to Wang Fang.',
      'lead assigned the case to Bo.',
      'Mei Lin changed the status from Closed to Open. Reason: customer wrote again',
      'Mei Lin recorded the decision “Eligible”, CNY 120.00.',
      'Mei Lin marked the reply in 简体中文 as sent, telling the customer Eligible.',
      'Mei Lin marked the reply in English as sent, telling the customer CNY 3,000.00 (Eligible).',
      'Mei Lin kept the customer’s usage export with the case.',
      'Mei Lin replaced the usage export kept with the case.',
    ]);
  });

  it('and in Chinese', () => {
    expect(sentences('zh')).toEqual([
      'Mei Lin 创建了工单。',
      'Mei Lin 将已开发票设为 是。 Mei Lin 将订单金额从 CNY 99.00 改为 CNY 120.00。',
      'Mei Lin 将付款时间设为 <2026-03-01T10:00:00+08:00>。',
      'Mei Lin 将客户从 Li Wei 改为 Wang Fang。',
      'lead 将工单分配给 Bo。',
      'Mei Lin 将状态从“已关闭”改为“待处理”。 原因：customer wrote again',
      'Mei Lin 记录了判定“可以退款”，CNY 120.00。',
      'Mei Lin 将简体中文回复标记为已发送，告知客户 可以退款。',
      'Mei Lin 将English回复标记为已发送，告知客户 CNY 3,000.00（可以退款）。',
      'Mei Lin 将客户的用量导出随工单保存。',
      'Mei Lin 替换了随工单保存的用量导出。',
    ]);
  });
});

describe("the customer's messages", () => {
  const lines = (language: Language) =>
    auditLines(
      [
        entry('message.add', { messageId: 3, characters: 80, subject: '申请退款', fileName: 'a.eml' }),
        entry('case.facts', {
          facts: { orderAmount: 30000 },
          changes: [{ fact: 'orderAmount', from: null, to: 30000 }],
          source: { message: 3 },
        }),
      ],
      { t: translations[language], language, time: (iso) => iso },
    ).map((line) => line.sentences.join(' '));

  it('say which message was kept and which facts were read from it', () => {
    expect(lines('en')).toEqual([
      'Mei Lin kept the customer’s message #3 with the case.',
      'Mei Lin set Order amount to CNY 300.00. Read from the customer’s message #3.',
    ]);
    expect(lines('zh')).toEqual([
      'Mei Lin 将客户来信 #3 随工单保存。',
      'Mei Lin 将订单金额设为 CNY 300.00。 取自客户来信 #3。',
    ]);
  });
});

describe('cases that came in bulk', () => {
  const one = (action: string, detail: Record<string, unknown>, language: Language) =>
    auditLines([entry(action, detail)], { t: translations[language], language, time: (iso) => iso })[0]!
      .sentences;

  it('tell an order file from a run of cases received through the team server', () => {
    const team = { firstId: 1, lastId: 9, team: { desktopId: 'd', firstSeq: 4, lastSeq: 12 } };
    expect(one('cases.import', { firstId: 1, lastId: 9 }, 'en')).toEqual([
      'Mei Lin imported the case from an order file.',
    ]);
    expect(one('cases.import', team, 'en')).toEqual([
      'Mei Lin opened the case on another desktop; it arrived through the team server.',
    ]);
    expect(one('cases.import', team, 'zh')).toEqual([
      'Mei Lin 在另一台电脑上创建了工单，经团队服务器同步到本机。',
    ]);
  });
});

describe('team events in the audit trail', () => {
  const team: AuditEntry[] = [
    entry(
      'team.apply',
      { change: 'case.facts', fields: [], facts: ['orderAmount'], conflicts: ['facts.orderAmount'] },
      'Ravi',
    ),
    entry('conflict.resolve', { field: 'facts.orderAmount', keep: 'remote', value: 12000 }),
    entry('case.assign', { from: null, to: 'Mei Lin', claim: { eventId: 'e', state: 'provisional' } }),
    entry('claim.lost', { eventId: 'e', holder: 'Ravi' }),
  ];
  const lines = (language: Language) =>
    auditLines(team, { t: translations[language], language, time: (iso) => iso }).map((line) =>
      line.sentences.join(' '),
    );

  it('says what arrived from the team, what conflicts, which value was kept and which claim was lost', () => {
    expect(lines('en')).toEqual([
      'A change by Ravi arrived from the team: Order amount. Also changed here since the desktops last agreed, so both values are kept: Order amount.',
      'Mei Lin settled the conflict on Order amount: the other desktop’s value is kept.',
      'Mei Lin claimed the case offline (provisional until the team server answers).',
      'Mei Lin’s offline claim was lost: the team server had given the case to Ravi.',
    ]);
    expect(lines('zh')[1]).toBe('Mei Lin 解决了 订单金额 的冲突：保留另一台电脑的值。');
  });
});
