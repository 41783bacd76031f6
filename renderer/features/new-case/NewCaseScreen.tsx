import { useEffect, useState } from 'react';
import { DuplicateOrder } from './DuplicateOrder';
import { useTranslation } from 'react-i18next';
import { FACTS, optionLabel, type FactInput } from '../../../shared/model/catalogue';
import type { FactKey } from '../../../shared/model/facts';
import { useDisplayZone, useZoneName } from '../../components/When';
import { currentLanguage } from '../../i18n';
import { usePersistentState } from '../../lib/usePersistentState';
import { caseActions } from '../../state/case-actions';
import { useRoute } from '../../state/route';
import { useSettings } from '../../state/settings';
import { useUi } from '../../state/ui';
import { useAction } from '../../state/use-action';
import { PendingMessage, useMessageFill, keepPendingWith } from './PendingMessage';
import {
  CASE_FIELDS,
  EMPTY_FORM,
  factFieldsOf,
  inputOf,
  toNewCase,
  type FieldErrors,
  type FormValues,
} from './form';

export function NewCaseScreen() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const agentName = useSettings((s) => s.agentName);
  const [form, setForm, clear] = usePersistentState<FormValues>('new-case', {
    ...EMPTY_FORM,
    assignee: agentName,
  });
  // Opened by a reload, the form is there before the settings are: the empty assignee takes the
  // agent's name when it arrives. Only then, so an assignee the agent clears stays cleared.
  useEffect(() => {
    if (agentName !== '' && (form.assignee ?? '') === '') setForm({ ...form, assignee: agentName });
  }, [agentName]);
  useMessageFill(form, setForm);
  const [errors, setErrors] = useState<FieldErrors>({});
  const { busy, run } = useAction();
  const { zone } = useDisplayZone();
  const zoneName = useZoneName();

  const label = (name: string) =>
    CASE_FIELDS.includes(name) ? t(`newCase.${name}`) : FACTS[name as FactKey].label[language];
  // A field the form starts filled in has no "not known" choice.
  const options = (name: string, input: FactInput): [string, string][] | null => {
    const choices: [string, string][] | null =
      input.kind === 'choice'
        ? input.options.map((o) => [o, optionLabel(input, o, language)])
        : input.kind === 'yesno'
          ? [
              ['yes', t('common.yes')],
              ['no', t('common.no')],
            ]
          : null;
    return choices && !(name in EMPTY_FORM) ? [['', t('common.unknown')], ...choices] : choices;
  };
  const field = (name: string) => {
    const id = `f-${name}`;
    const value = form[name] ?? '';
    const set = (v: string) => setForm({ ...form, [name]: v });
    const input = inputOf(name);
    const described = [errors[name] ? `${id}-error` : '', input.kind === 'instant' ? 'date-hint' : '']
      .join(' ')
      .trim();
    const common = {
      id,
      name,
      value,
      'aria-invalid': errors[name] ? true : undefined,
      'aria-describedby': described || undefined,
    };
    const choices = options(name, input);
    return (
      <div className="field" key={name}>
        <label htmlFor={id}>{label(name)}</label>
        {choices ? (
          <select {...common} onChange={(e) => set(e.target.value)}>
            {choices.map(([option, optionText]) => (
              <option key={option} value={option}>
                {optionText}
              </option>
            ))}
          </select>
        ) : (
          <input
            {...common}
            type={input.kind === 'instant' ? 'datetime-local' : 'text'}
            inputMode={input.kind === 'money' || input.kind === 'minutes' ? 'decimal' : undefined}
            placeholder={input.kind === 'money' ? t('newCase.amountHint') : undefined}
            onChange={(e) => set(e.target.value)}
          />
        )}
        {errors[name] && (
          <span id={`${id}-error`} className="error">
            {errors[name]}
          </span>
        )}
      </div>
    );
  };

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // The browser reports a half-typed date as empty; only the input's validity tells.
    const incomplete = [...event.currentTarget.querySelectorAll('input')]
      .filter((input) => input.validity.badInput)
      .map((input) => input.name);
    const result = toNewCase(form, t, Date.now(), zone, incomplete);
    if (!result.ok) {
      setErrors(result.errors);
      useUi.getState().notify(t('newCase.fix'), 'error');
      return;
    }
    setErrors({});
    const created = await run(
      () => caseActions.create(result.value, agentName),
      ({ detail }) => t('newCase.created', { ref: detail.summary.ref }),
    );
    if (created === undefined) return;
    clear();
    const ref = created.detail.summary.ref;
    // A case opened from a message goes where its proposals are, once the message is kept.
    if (await keepPendingWith(ref, agentName)) useRoute.getState().go({ name: 'case', ref });
    else useRoute.getState().go({ name: 'decide', ref });
  };

  return (
    <form className="new-case" onSubmit={submit} noValidate aria-labelledby="new-title">
      <h1 id="new-title">{t('newCase.title')}</h1>
      <PendingMessage />
      <fieldset>
        <legend>{t('newCase.customer')}</legend>
        <div className="fields">{CASE_FIELDS.map(field)}</div>
        <DuplicateOrder orderId={form.orderId ?? ''} />
      </fieldset>
      <fieldset>
        <legend>{t('newCase.facts')}</legend>
        <div className="fields">{factFieldsOf(form.productType).map(field)}</div>
        <p id="date-hint" className="muted">
          {t('newCase.dateHint', { zone: zoneName })} {t('newCase.unknownHint')}
        </p>
      </fieldset>
      <button type="submit" className="primary" disabled={busy}>
        {t('newCase.create')}
      </button>
    </form>
  );
}
