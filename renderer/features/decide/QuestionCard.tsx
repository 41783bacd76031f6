import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FactId } from '../../../shared/model/facts';
import { FACT_QUESTIONS } from '../../../shared/policy/questions';
import { currentLanguage } from '../../i18n';
import { answerKind, readAnswer } from './answers';

interface Props {
  fact: FactId;
  currency: string;
  left: number;
  busy: boolean;
  onAnswer(value: unknown): void;
}

/** One question, the first one decide() reports missing, with its hint. */
export function QuestionCard({ fact, currency, left, busy, onAnswer }: Props) {
  const { t } = useTranslation();
  const { question, hint } = FACT_QUESTIONS[fact][currentLanguage()];
  const kind = answerKind(fact);
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const value = readAnswer(kind, text, currency);
    setInvalid(value === null);
    if (value !== null) onAnswer(value);
  };

  const choices =
    kind.type === 'choice'
      ? kind.options.map((o) => [o, t(`${kind.labelKey}.${o}`)] as const)
      : kind.type === 'yesno'
        ? ([
            ['yes', t('common.yes')],
            ['no', t('common.no')],
          ] as const)
        : null;

  return (
    <form className="question" onSubmit={submit} aria-describedby="question-hint">
      <p className="muted">{t('decide.left', { count: left })}</p>
      {choices ? (
        <fieldset>
          <legend id="question-text">{question}</legend>
          {choices.map(([value, label], index) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name={fact}
                value={value}
                checked={text === value}
                autoFocus={index === 0}
                onChange={() => setText(value)}
              />
              {label}
            </label>
          ))}
        </fieldset>
      ) : (
        <>
          <label id="question-text" htmlFor="answer" className="legend">
            {question}
          </label>
          <input
            id="answer"
            autoFocus
            type={kind.type === 'datetime' ? 'datetime-local' : 'text'}
            inputMode={kind.type === 'money' || kind.type === 'minutes' ? 'decimal' : undefined}
            value={text}
            aria-invalid={invalid}
            aria-describedby="question-hint"
            onChange={(e) => setText(e.target.value)}
          />
          {kind.type === 'money' && <span className="muted"> {currency}</span>}
        </>
      )}
      <p id="question-hint" className="hint">
        {hint}
      </p>
      {invalid && (
        <p className="error" role="alert">
          {t('decide.invalid')}
        </p>
      )}
      <button type="submit" disabled={busy || text === ''}>
        {t('decide.answer')}
      </button>
    </form>
  );
}
