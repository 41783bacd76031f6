import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FACTS } from '../../../shared/model/catalogue';
import type { CaseDetail, CaseField } from '../../../shared/model/case';
import { readFact, type FactKey } from '../../../shared/model/facts';
import { DEFAULT_CURRENCY } from '../../../shared/policy/read-facts';
import { caseActions } from '../../state/case-actions';
import { useDisplayZone } from '../../components/When';
import { currentLanguage } from '../../i18n';
import { useSettings } from '../../state/settings';
import { useUi } from '../../state/ui';
import { useAction } from '../../state/use-action';
import { answerText, readAnswer } from '../decide/answers';
import { useFactText } from './FactList';
import { ValueEditor } from './ValueEditor';

/** The case's own fields in the order the screen lists them, with their labels' keys. */
const FIELDS: [CaseField, string][] = [
  ['customerName', 'caseView.customer'],
  ['accountId', 'caseView.account'],
  ['contact', 'caseView.contact'],
  ['orderId', 'caseView.order'],
  ['productName', 'caseView.product'],
  ['provider', 'caseView.provider'],
];

/** Facts shown even while unknown, so an agent can fill them in from here. */
const ALWAYS_SHOWN: ReadonlySet<FactKey> = new Set([
  'productType',
  'orderAmount',
  'paidAt',
  'requestedAt',
  'voucherAmount',
  'invoiceIssued',
  'currency',
]);

const TEXT_INPUT = { kind: 'text' } as const;

const fieldValue = (detail: CaseDetail, field: CaseField): string =>
  ({
    customerName: detail.customer.name,
    accountId: detail.customer.accountId,
    contact: detail.customer.contact ?? '',
    orderId: detail.summary.orderId,
    productName: detail.summary.productName,
    provider: detail.provider,
  })[field];

/**
 * Every case field and fact, each with "Change": the editor opens on the value the case holds
 * and stores nothing until Save, so a cancelled change loses nothing.
 */
export function CaseDetails({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const agentName = useSettings((s) => s.agentName);
  const { busy, run } = useAction();
  const { zone } = useDisplayZone();
  const [editing, setEditing] = useState<string | null>(null);
  const factText = useFactText(detail.facts);
  const ref = detail.summary.ref;
  const currency = detail.facts.currency ?? DEFAULT_CURRENCY;

  const saved = async (work: () => Promise<unknown>) => {
    const done = (await run(work)) !== undefined;
    if (done) setEditing(null);
    return done;
  };
  const saveFact = (key: FactKey) => (text: string) => {
    const value = readAnswer(FACTS[key].input, text, { currency, zone });
    if (value === null) {
      useUi.getState().notify(`${FACTS[key].label[currentLanguage()]}: ${t('decide.invalid')}`, 'error');
      return Promise.resolve(false);
    }
    return saved(() => caseActions.setFact(ref, key, value, agentName));
  };
  const saveField = (field: CaseField) => (text: string) =>
    saved(() => caseActions.updateFields(ref, { [field]: text }, agentName));

  const rows: { id: string; label: string; shown: React.ReactNode; editor: () => React.ReactNode }[] = [
    ...FIELDS.map(([field, labelKey]) => {
      const value = fieldValue(detail, field);
      const label = t(labelKey);
      return {
        id: `field-${field}`,
        label,
        shown: value === '' ? '—' : value,
        editor: () => (
          <ValueEditor
            id={`edit-${field}`}
            label={label}
            input={TEXT_INPUT}
            initial={value}
            busy={busy}
            onSave={saveField(field)}
            onCancel={() => setEditing(null)}
          />
        ),
      };
    }),
    ...(Object.keys(FACTS) as FactKey[])
      .filter((key) => ALWAYS_SHOWN.has(key) || readFact(detail.facts, key) !== undefined)
      .map((key) => {
        const [label, shown] = factText(key);
        return {
          id: `fact-${key}`,
          label,
          shown,
          editor: () => (
            <ValueEditor
              id={`edit-${key.replace('.', '-')}`}
              label={label}
              input={FACTS[key].input}
              initial={answerText(FACTS[key].input, readFact(detail.facts, key), { currency, zone })}
              busy={busy}
              onSave={saveFact(key)}
              onCancel={() => setEditing(null)}
            />
          ),
        };
      }),
  ];

  return (
    <dl className="facts editable">
      {rows.map((row) => (
        <div key={row.id}>
          <dt>{row.label}</dt>
          <dd>
            {editing === row.id ? (
              row.editor()
            ) : (
              <>
                {row.shown}
                <button
                  type="button"
                  className="linkish"
                  aria-label={`${t('decide.change')}: ${row.label}`}
                  disabled={agentName === ''}
                  onClick={() => setEditing(row.id)}
                >
                  {t('decide.change')}
                </button>
              </>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
