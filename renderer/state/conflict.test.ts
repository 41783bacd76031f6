import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, CaseDetail } from '../../shared/model/case';
import type { Facts } from '../../shared/model/facts';
import { en } from '../i18n/en';
import { changedFacts, changesSince, describeConflict } from './conflict';

let t: TFunction;
beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { en: { translation: en } },
    lng: 'en',
    interpolation: { escapeValue: false },
  });
  t = instance.t;
});

const FACTS: Facts = { productType: 'saas', paidAt: '2026-03-01T10:00:00+08:00', orderAmount: 19900 };
const detail = (facts: Facts) => ({ facts }) as CaseDetail;
let seq = 0;
const row = (action: string, actor: string, detailOf: Record<string, unknown> = {}): AuditEntry => ({
  seq: ++seq,
  caseRef: 'RC-000012',
  action,
  actor,
  at: `2026-03-02T02:4${seq}:00.000Z`,
  detail: detailOf,
  hash: 'h',
});

describe('what changed since the case was loaded', () => {
  it('names the facts that differ, exclusions by their own id', () => {
    expect(
      changedFacts(
        { ...FACTS, exclusions: { scopeExceeded: false } },
        {
          ...FACTS,
          paidAt: '2026-03-02T10:00:00+08:00',
          orderAmount: undefined,
          exclusions: { scopeExceeded: true },
        },
      ),
    ).toEqual(['exclusions.scopeExceeded', 'orderAmount', 'paidAt']);
    expect(changedFacts(FACTS, { ...FACTS })).toEqual([]);
  });

  it('reads only the audit rows after the last one shown, each fact change against the one before', () => {
    seq = 0;
    const shown = [row('case.create', 'Mei Lin')];
    const later = [
      row('case.facts', 'Zhang Wei', { facts: { ...FACTS, invoiceIssued: true } }),
      row('case.facts', 'Zhang Wei', { facts: { ...FACTS, invoiceIssued: true, orderAmount: 100 } }),
      row('note.add', 'Zhang Wei', { noteId: 1, body: 'called' }),
      row('case.status', 'cli', { from: 'open', to: 'closed' }),
      row('decision.record', 'cli', { recordedOutcome: 'ineligible' }),
      row('case.assign', 'lead', { from: null, to: 'Bo' }),
      row('case.fields', 'lead', { changes: [{ field: 'orderId', from: 'O-1', to: 'O-2' }] }),
      row('cases.export', 'cli'),
    ];
    const changes = changesSince(
      { detail: detail(FACTS), audit: shown },
      { detail: null, audit: [...shown, ...later] },
    );
    expect(changes.map((change) => [change.actor, change.what])).toEqual([
      ['Zhang Wei', { kind: 'facts', names: ['invoiceIssued'] }],
      ['Zhang Wei', { kind: 'facts', names: ['orderAmount'] }],
      ['Zhang Wei', { kind: 'note' }],
      ['cli', { kind: 'status', from: 'open', to: 'closed' }],
      ['cli', { kind: 'decision', outcome: 'ineligible' }],
      ['lead', { kind: 'assign', to: 'Bo' }],
      ['lead', { kind: 'fields', names: ['orderId'] }],
      ['cli', { kind: 'other', action: 'cases.export' }],
    ]);
    expect(changes[0]!.at).toBe(later[0]!.at);
  });

  it('says who changed what and when, and that the case was reloaded', () => {
    seq = 0;
    const shown = [row('case.create', 'Mei Lin')];
    const changes = changesSince(
      { detail: detail(FACTS), audit: shown },
      {
        detail: null,
        audit: [
          ...shown,
          row('case.facts', 'Mei Lin', { facts: { ...FACTS, paidAt: '2026-03-01T11:00:00+08:00' } }),
          row('case.status', 'cli', { from: 'open', to: 'pending_customer' }),
        ],
      },
    );
    const time = (iso: string) => iso.slice(11, 16);
    expect(describeConflict(t, 'RC-000012', changes, time, 'RC-000012 changed since it was loaded')).toBe(
      'RC-000012 was changed by Mei Lin at 02:42: facts paidAt; cli at 02:43: status Open → Waiting for customer' +
        ' — reloaded; check and try again.',
    );
  });

  it('gives the store’s own reason when nobody changed the case (the rules decide otherwise now)', () => {
    const reason =
      'RC-000012: at 2026-03-12 10:00 UTC+08:00 the rules give ineligible… Nothing was recorded.';
    expect(describeConflict(t, 'RC-000012', [], (iso) => iso, reason)).toBe(
      `${reason} The case was reloaded.`,
    );
  });
});
