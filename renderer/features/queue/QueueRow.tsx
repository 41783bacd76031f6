import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../shared/model/case';
import { KINDS } from '../../../shared/model/catalogue';
import { formatMoney } from '../../../shared/model/money';
import { DEFAULT_CURRENCY } from '../../../shared/policy/read-facts';
import { Countdown } from '../../components/Countdown';
import { ServiceClocks } from '../../components/ServiceClocks';
import { Outcome } from '../../components/Outcome';
import { currentLanguage } from '../../i18n';
import { splitSpan } from '../../lib/time';
import { useUi } from '../../state/ui';
import { SyncBadge } from '../team/SyncBadge';

export const ROW_HEIGHT = 44;

/** A settled case's window no longer counts down: "closed … ago" would read as overdue work. */
const SETTLED = new Set(['decided', 'closed']);

interface Props {
  item: CaseSummary;
  selected: boolean;
  /** Chosen for a bulk change. */
  chosen: boolean;
  top: number;
  onOpen(): void;
  onChoose(): void;
}

function Age({ createdAt }: { createdAt: string }) {
  const { t } = useTranslation();
  const now = useUi((s) => s.now);
  const { d, h } = splitSpan(now - Date.parse(createdAt));
  return <span>{d > 0 ? t('queueTools.ageDays', { d }) : t('queueTools.ageHours', { h })}</span>;
}

export function QueueRow({ item, selected, chosen, top, onOpen, onChoose }: Props) {
  const { t } = useTranslation();
  const kind = item.productType ? KINDS[item.productType].label[currentLanguage()] : '—';
  const amount =
    item.orderAmount === null
      ? null
      : formatMoney({ amount: item.orderAmount, currency: item.currency ?? DEFAULT_CURRENCY });
  return (
    <div
      id={`row-${item.ref}`}
      role="option"
      aria-selected={selected}
      aria-checked={chosen}
      className={`queue-row${selected ? ' selected' : ''}${chosen ? ' chosen' : ''}`}
      // Rows are absolutely placed by the virtualizer; a transform keeps scrolling on the compositor.
      style={{ transform: `translateY(${top}px)` }}
      onClick={onOpen}
    >
      <span
        className="choose"
        aria-hidden="true"
        onClick={(event) => {
          event.stopPropagation();
          onChoose();
        }}
      >
        {chosen ? '☑' : '☐'}
      </span>
      <span className="ref">
        {item.ref}
        <SyncBadge caseRef={item.ref} compact />
      </span>
      {/* A cell cut short at a narrow width shows its whole text on hover. */}
      <span className="customer" title={`${item.customerName} · ${item.productName}`}>
        {item.customerName}
        <small className="muted">{item.productName}</small>
      </span>
      <span title={kind}>{kind}</span>
      <span className="queue-amount" title={amount ?? undefined}>
        {amount ?? '—'}
      </span>
      <span>{t(`status.${item.status}`)}</span>
      {item.waitingApproval === true ? (
        <span className="badge outcome-waiting" title={t('approvals.waiting')}>
          {t('approvals.queueBadge')}
        </span>
      ) : (
        <span>
          <Outcome outcome={item.latestOutcome} />
          {item.stale === true && (
            <span className="badge outcome-waiting" title={t('decide.stale')}>
              {t('queue.stale')}
            </span>
          )}
        </span>
      )}
      {SETTLED.has(item.status) ? (
        <span className="muted">—</span>
      ) : (
        <span className="deadline">
          <Countdown closesAt={item.windowClosesAt} />
          <small>
            <ServiceClocks summary={item} first />
          </small>
        </span>
      )}
      <Age createdAt={item.createdAt} />
      <span className="assignee" title={item.assignee ?? undefined}>
        {item.assignee ?? t('lifecycle.nobody')}
      </span>
    </div>
  );
}
