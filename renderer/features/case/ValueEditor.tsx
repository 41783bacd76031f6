import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FactInput } from '../../../shared/model/catalogue';
import { answerChoices } from '../../components/answer-choices';
import { currentLanguage } from '../../i18n';

interface Props {
  id: string;
  label: string;
  input: FactInput;
  /** The value the case holds now, as the input shows it: the edit starts from it. */
  initial: string;
  busy: boolean;
  /** Saves the typed text; resolves false when it was refused, so the editor stays open. */
  onSave(text: string): Promise<boolean>;
  onCancel(): void;
}

/**
 * One value being changed in place. Nothing is stored until Save: Cancel (or Escape) leaves the
 * case exactly as it was.
 */
export function ValueEditor({ id, label, input, initial, busy, onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const language = currentLanguage();
  const choices = answerChoices(input, t, language);
  const control = {
    id,
    value: text,
    autoFocus: true,
    onKeyDown: (event: React.KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        onCancel();
      }
    },
  };
  return (
    <form
      className="value-editor"
      onSubmit={(event) => {
        event.preventDefault();
        void onSave(text);
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      {choices ? (
        <select {...control} onChange={(e) => setText(e.target.value)}>
          {initial === '' && <option value="">{t('common.unknown')}</option>}
          {choices.map(([value, shown]) => (
            <option key={value} value={value}>
              {shown}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...control}
          type={input.kind === 'instant' ? 'datetime-local' : 'text'}
          inputMode={input.kind === 'money' || input.kind === 'minutes' ? 'decimal' : undefined}
          onChange={(e) => setText(e.target.value)}
        />
      )}
      <button type="submit" disabled={busy || text === initial}>
        {t('common.save')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </form>
  );
}
