import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * "Regenerate" replaces the draft with a fresh one from the decision; an edited draft is only
 * replaced once the agent confirms, and the replaced text can be brought back with Undo.
 */
export function RegenerateControls({
  body,
  generate,
  onReplace,
}: {
  body: string;
  generate: () => string;
  onReplace: (text: string) => void;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [replaced, setReplaced] = useState<string | null>(null);

  const replace = () => {
    const fresh = generate();
    setAsking(false);
    if (fresh === body) return;
    setReplaced(body);
    onReplace(fresh);
  };
  const regenerate = () => {
    const edited = body.trim() !== '' && body !== generate();
    if (edited) setAsking(true);
    else replace();
  };

  if (asking) {
    return (
      <span role="group" aria-labelledby="regenerate-question" className="confirm">
        <span id="regenerate-question">{t('reply.replaceEdited')}</span>
        <button type="button" className="primary" onClick={replace} autoFocus>
          {t('reply.replace')}
        </button>
        <button type="button" onClick={() => setAsking(false)}>
          {t('reply.keepMine')}
        </button>
      </span>
    );
  }
  return (
    <>
      <button type="button" onClick={regenerate}>
        {t('reply.regenerate')}
      </button>
      {replaced !== null && (
        <button
          type="button"
          onClick={() => {
            onReplace(replaced);
            setReplaced(null);
          }}
        >
          {t('reply.undo')}
        </button>
      )}
    </>
  );
}
