import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDisplayZone, useZoneName, When } from '../../components/When';
import { localInputToIso } from '../../lib/time';

/**
 * The rules judge an unknown request time as of now; the panel says so, with the instant
 * used, and asks for the real one, since a later look would judge the case differently.
 */
export function RequestTimeNotice({
  judgedAt,
  busy,
  onEnter,
}: {
  judgedAt: string;
  busy: boolean;
  onEnter: (iso: string) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const { zone } = useDisplayZone();
  const zoneName = useZoneName();
  const iso = localInputToIso(text, zone);
  return (
    <div className="notice" role="note" aria-labelledby="request-time-title">
      <h3 id="request-time-title">{t('decide.requestTimeUnknown')}</h3>
      <p>
        {t('decide.judgedAsOf')} <When iso={judgedAt} />
        {t('decide.judgedAsOfEnd')}
        {t('decide.enterRequestTime')}
      </p>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (iso !== null) onEnter(iso);
        }}
      >
        <label htmlFor="requested-at">{t('decide.requestedAtLabel', { zone: zoneName })}</label>
        <input
          id="requested-at"
          type="datetime-local"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <button type="submit" disabled={busy || iso === null}>
          {t('decide.saveRequestTime')}
        </button>
      </form>
    </div>
  );
}
