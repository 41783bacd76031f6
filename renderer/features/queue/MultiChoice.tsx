import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Several values of one filter at once (kinds, outcomes): a disclosure whose summary says
 * what is chosen, with a checkbox per value. None chosen means any. It closes on a click
 * outside it or Esc, so an open list never stays over the bulk bar and the first rows.
 */
export function MultiChoice<T extends string>(props: {
  label: string;
  options: readonly { value: T; label: string }[];
  chosen: readonly T[] | undefined;
  onChange: (chosen: T[] | undefined) => void;
}) {
  const { t } = useTranslation();
  const chosen = props.chosen ?? [];
  const names = props.options.filter((option) => chosen.includes(option.value)).map((option) => option.label);
  const box = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (
        event instanceof KeyboardEvent ? event.key === 'Escape' : !box.current?.contains(event.target as Node)
      )
        box.current?.removeAttribute('open');
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);
  const toggle = (value: T) => {
    const next = chosen.includes(value) ? chosen.filter((v) => v !== value) : [...chosen, value];
    props.onChange(next.length === 0 ? undefined : next);
  };
  return (
    <details className="multi-choice" ref={box} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary title={names.join(', ') || undefined}>
        {props.label}:{' '}
        <span className="chosen">{names.length === 0 ? t('queueTools.any') : names.join(', ')}</span>
      </summary>
      <fieldset>
        <legend className="visually-hidden">{props.label}</legend>
        {props.options.map((option) => (
          <label key={option.value}>
            <input
              type="checkbox"
              checked={chosen.includes(option.value)}
              onChange={() => toggle(option.value)}
            />
            {option.label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
