import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../shared/ipc/contract';
import { api, call } from '../api/client';
import { restoreFromBackup } from '../features/settings/restore';
import { useSettings } from '../state/settings';
import { useUi } from '../state/ui';

/**
 * A store that opened damaged refuses every change; the agent learns it at once, with the
 * newest good backup offered, rather than from the first failed save.
 */
export function StoreHealth() {
  const { t } = useTranslation();
  const agentName = useSettings((s) => s.agentName);
  const notify = useUi((s) => s.notify);
  const [status, setStatus] = useState<ResponseOf<'store.status'> | null>(null);

  useEffect(() => {
    call(api['store.status']({}))
      .then(setStatus)
      .catch((error: Error) => notify(error.message, 'error'));
  }, [notify]);

  if (status === null || !status.damaged) return null;
  const backup = status.newestGoodBackup;
  return (
    <div className="banner damaged" role="alert">
      <p>{t('app.damaged')}</p>
      <details>
        <summary>{t('app.damageDetails')}</summary>
        <code>{status.problem}</code>
      </details>
      {backup === null ? (
        <p>{t('app.noGoodBackup')}</p>
      ) : (
        <button
          type="button"
          className="primary"
          onClick={() =>
            void restoreFromBackup(backup, agentName, t('settings.restoreConfirm', { file: backup })).catch(
              (error: Error) => notify(error.message, 'error'),
            )
          }
        >
          {t('app.restoreNewest')}
        </button>
      )}
    </div>
  );
}
