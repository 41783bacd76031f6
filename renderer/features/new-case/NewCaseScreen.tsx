import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BILLING_METHODS,
  PRODUCT_TYPES,
  SERVICE_STATUSES,
  type ProductType,
} from '../../../shared/model/facts';
import { api, call } from '../../api/client';
import { usePersistentState } from '../../lib/usePersistentState';
import { useRoute } from '../../state/route';
import { useSettings } from '../../state/settings';
import { useUi } from '../../state/ui';
import {
  CASE_FIELDS,
  EMPTY_FORM,
  KIND_FIELDS,
  isBooleanField,
  isDateField,
  toNewCase,
  type FieldErrors,
  type FormValues,
} from './form';

const CHOICES: Record<string, { options: readonly string[]; labelKey: string }> = {
  productType: { options: PRODUCT_TYPES, labelKey: 'kind' },
  billingMethod: { options: BILLING_METHODS, labelKey: 'billing' },
  serviceStatus: { options: SERVICE_STATUSES, labelKey: 'serviceStatus' },
};

export function NewCaseScreen() {
  const { t } = useTranslation();
  const agentName = useSettings((s) => s.agentName);
  const [form, setForm, clear] = usePersistentState<FormValues>('new-case', {
    ...EMPTY_FORM,
    assignee: agentName,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const kind = (form.productType ?? 'saas') as ProductType;

  const label = (name: string) => t(CASE_FIELDS.includes(name) ? `newCase.${name}` : `facts.${name}`);
  const field = (name: string) => {
    const id = `f-${name}`;
    const value = form[name] ?? '';
    const set = (v: string) => setForm({ ...form, [name]: v });
    const described = [errors[name] ? `${id}-error` : '', isDateField(name) ? 'date-hint' : '']
      .join(' ')
      .trim();
    const common = {
      id,
      name,
      value,
      'aria-invalid': errors[name] ? true : undefined,
      'aria-describedby': described || undefined,
    };
    const choice = CHOICES[name];
    let input: React.ReactNode;
    if (choice || isBooleanField(name)) {
      const options = choice?.options ?? ['yes', 'no'];
      const optionLabel = (o: string) => (choice ? t(`${choice.labelKey}.${o}`) : t(`common.${o}`));
      input = (
        <select {...common} onChange={(e) => set(e.target.value)}>
          {name !== 'productType' && name !== 'invoiceIssued' && (
            <option value="">{t('common.unknown')}</option>
          )}
          {options.map((o) => (
            <option key={o} value={o}>
              {optionLabel(o)}
            </option>
          ))}
        </select>
      );
    } else {
      input = (
        <input
          {...common}
          type={isDateField(name) ? 'datetime-local' : 'text'}
          inputMode={name.endsWith('Amount') || name === 'consumedMinutes' ? 'decimal' : undefined}
          placeholder={name.endsWith('Amount') ? t('newCase.amountHint') : undefined}
          onChange={(e) => set(e.target.value)}
        />
      );
    }
    return (
      <div className="field" key={name}>
        <label htmlFor={id}>{label(name)}</label>
        {input}
        {errors[name] && (
          <span id={`${id}-error`} className="error">
            {errors[name]}
          </span>
        )}
      </div>
    );
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const result = toNewCase(form, t('newCase.notMoney'), Date.now());
    if (!result.ok) {
      setErrors(result.errors);
      useUi.getState().notify(t('newCase.fix'), 'error');
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const created = await call(api['cases.create'](result.value));
      clear();
      useUi.getState().notify(t('newCase.created', { ref: created.summary.ref }));
      useRoute.getState().go({ name: 'decide', ref: created.summary.ref });
    } catch (error) {
      useUi.getState().notify((error as Error).message, 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="new-case" onSubmit={submit} noValidate aria-labelledby="new-title">
      <h1 id="new-title">{t('newCase.title')}</h1>
      <fieldset>
        <legend>{t('newCase.customer')}</legend>
        <div className="fields">{CASE_FIELDS.map(field)}</div>
      </fieldset>
      <fieldset>
        <legend>{t('newCase.facts')}</legend>
        <div className="fields">
          {[
            'productType',
            'currency',
            'orderAmount',
            'voucherAmount',
            'paidAt',
            'requestedAt',
            'invoiceIssued',
          ].map(field)}
          {KIND_FIELDS[kind].map(field)}
        </div>
        <p id="date-hint" className="muted">
          {t('newCase.dateHint')} {t('newCase.unknownHint')}
        </p>
      </fieldset>
      <button type="submit" className="primary" disabled={busy}>
        {t('newCase.create')}
      </button>
    </form>
  );
}
