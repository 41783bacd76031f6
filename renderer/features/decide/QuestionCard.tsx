import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FACTS, KINDS, type FactId, type FactInput } from '../../../shared/model/catalogue';
import type { ProductType } from '../../../shared/model/facts';
import { excludingAnswer, factValueOfAnswer } from '../../../shared/policy/questions';
import type { Wording } from '../../../shared/policy/versions';
import { answerChoices } from '../../components/answer-choices';
import { useDisplayZone, useZoneName } from '../../components/When';
import { currentLanguage } from '../../i18n';
import { readAnswer } from './answers';

interface Props {
  fact: FactId;
  /** The words of the revision the decision asking it was made under. */
  wording: Wording;
  currency: string;
  left: number;
  /** Set when the last answer (the product kind) made the list longer. */
  grewFrom: { from: number; kind: ProductType } | null;
  busy: boolean;
  onAnswer(value: unknown): void;
  /** The answer the case holds now, when the agent changes a known fact. */
  initial?: string;
  /** Offered when changing a known fact: keeps it as it is. */
  onCancel?: () => void;
}

/** One question, the first one decide() reports missing, with its hint. */
export function QuestionCard({
  fact,
  wording,
  currency,
  left,
  grewFrom,
  busy,
  onAnswer,
  initial = '',
  onCancel,
}: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { question, hint } = wording.questions[fact][language];
  const input: FactInput = FACTS[fact].input;
  const [text, setText] = useState(initial);
  const [invalid, setInvalid] = useState(false);
  const { zone } = useDisplayZone();
  const zoneName = useZoneName();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const read = readAnswer(input, text, { currency, zone });
    setInvalid(read === null);
    // A yes/no question may ask about its fact's opposite, so that it reads positively.
    const value = typeof read === 'boolean' ? factValueOfAnswer(fact, read) : read;
    if (value !== null) onAnswer(value);
  };

  const choices = answerChoices(input, t, language);
  const excluding = excludingAnswer(fact);
  const excludes = (value: string) => excluding !== undefined && (value === 'yes') === excluding;

  return (
    <form className="question" onSubmit={submit} aria-describedby="question-hint">
      <p className="muted" aria-live="polite">
        {onCancel ? t('decide.changing') : t('decide.left', { count: left })}
        {!onCancel &&
          grewFrom !== null &&
          ` ${t('decide.grew', { from: grewFrom.from, kind: KINDS[grewFrom.kind].label[language] })}`}
      </p>
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
              {excludes(value) && <span className="badge outcome-ineligible">{t('decide.excludes')}</span>}
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
            type={input.kind === 'instant' ? 'datetime-local' : 'text'}
            inputMode={input.kind === 'money' || input.kind === 'minutes' ? 'decimal' : undefined}
            value={text}
            aria-invalid={invalid}
            aria-describedby="question-hint"
            onChange={(e) => setText(e.target.value)}
          />
          {input.kind === 'money' && <span className="muted"> {currency}</span>}
        </>
      )}
      <p id="question-hint" className="hint">
        {hint}
        {input.kind === 'instant' && ` ${t('zone.reads', { name: zoneName })}`}
      </p>
      {invalid && (
        <p className="error" role="alert">
          {t('decide.invalid')}
        </p>
      )}
      <button type="submit" disabled={busy || text === '' || text === initial}>
        {t('decide.answer')}
      </button>
      {onCancel && (
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      )}
    </form>
  );
}
