import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../shared/ipc/contract';
import { api, call } from '../api/client';
import { fileName, restoreFromBackup, takeRestoreOutcome } from '../features/settings/restore';
import { useSettings } from '../state/settings';
import { useUi } from '../state/ui';

// Read once per page load: the restore that reloaded the page left it (restore.ts).
const restoredOutcome = takeRestoreOutcome();

/**
 * A store that opened damaged refuses every change; the agent learns it at once, with the
 * newest good backup offered, rather than from the first failed save.
 */
export function StoreHealth() {
  const { t } = useTranslation();
  const agentName = useSettings((s) => s.agentName);
  const dataFolder = useSettings((s) => s.dataFolder);
  const [restored, setRestored] = useState(restoredOutcome);
  const notify = useUi((s) => s.notify);
  const [status, setStatus] = useState<ResponseOf<'store.status'> | null>(null);

  useEffect(() => {
    call(api['store.status']({}))
      .then(setStatus)
      .catch((error: Error) => notify(error.message, 'error'));
  }, [notify]);

  if (restored !== null) {
    return (
      <div className="banner" role="status">
        <p>{restored}</p>
        <button type="button" onClick={() => setRestored(null)}>
          {t('common.dismiss')}
        </button>
      </div>
    );
  }
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
            void restoreFromBackup(backup, agentName, {
              question: t('settings.restoreConfirmNewest', { file: fileName(backup), folder: dataFolder }),
              done: (restored, keptAs) => t('settings.restored', { file: fileName(restored), keptAs }),
            }).catch((error: Error) => notify(error.message, 'error'))
          }
        >
          {t('app.restoreNewest')}
        </button>
      )}
    </div>
  );
}
