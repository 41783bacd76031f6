import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueue } from '../../state/queue';
import { queueActions, type BulkOutcome } from '../../state/queue-actions';
import { useSettings } from '../../state/settings';
import { useAction } from '../../state/use-action';

/** Assign or close every chosen case; each refusal is named, the others still change. */
export function BulkBar() {
  const { t } = useTranslation();
  const { chosen, items, chooseAll } = useQueue();
  const agentName = useSettings((s) => s.agentName);
  const { busy, run } = useAction();
  const [assignee, setAssignee] = useState('');
  const count = chosen.size;
  const report = (outcome: BulkOutcome) =>
    [
      t('queueTools.bulkDone', { done: outcome.done, count: outcome.done + outcome.failed.length }),
      ...outcome.failed.map((failure) => t('queueTools.bulkFailed', failure)),
    ].join(' ');

  return (
    <div className="bulk-bar" role="group" aria-label={t('queueTools.selected', { count })}>
      <button type="button" onClick={() => chooseAll(count < items.length)} disabled={items.length === 0}>
        {t('queueTools.selectAll')}
      </button>
      <span aria-live="polite">{t('queueTools.selected', { count })}</span>
      {count > 0 && (
        <>
          <form
            className="inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              void run(() => queueActions.assignChosen(assignee.trim(), agentName), report);
            }}
          >
            <label htmlFor="bulk-assignee">{t('queueTools.bulkAssignTo')}</label>
            <input id="bulk-assignee" value={assignee} onChange={(e) => setAssignee(e.target.value)} />
            <button type="submit" disabled={busy || assignee.trim() === '' || agentName === ''}>
              {t('queueTools.bulkAssign')}
            </button>
          </form>
          <button
            type="button"
            disabled={busy || agentName === ''}
            onClick={() => void run(() => queueActions.closeChosen(agentName), report)}
          >
            {t('queueTools.bulkClose')}
          </button>
        </>
      )}
    </div>
  );
}
