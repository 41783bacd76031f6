import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** Every key the console answers, by where it works; `?` opens this list, Esc or the button closes it. */
const SHORTCUTS = [
  ['anywhere', ['Ctrl K', '/', 'n', 'Esc', '?']],
  ['queue', ['j', 'k', 'Enter', 'x']],
  ['case', ['d', 'r']],
] as const;

export function ShortcutList({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="shortcut-list" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title">{t('keys.title')}</h2>
      {SHORTCUTS.map(([where, keys]) => (
        <section key={where}>
          <h3>{t(`keys.where.${where}`)}</h3>
          <dl>
            {keys.map((key) => (
              <div key={key}>
                <dt>
                  <kbd>{key}</kbd>
                </dt>
                <dd>{t(`keys.${where}.${key.replace(' ', '')}`)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <button type="button" onClick={() => dialog.current?.close()}>
        {t('common.dismiss')}
      </button>
    </dialog>
  );
}
