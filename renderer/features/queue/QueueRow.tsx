import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../shared/model/case';
import { KINDS } from '../../../shared/model/catalogue';
import { Countdown } from '../../components/Countdown';
import { Outcome } from '../../components/Outcome';
import { currentLanguage } from '../../i18n';

export const ROW_HEIGHT = 44;

interface Props {
  item: CaseSummary;
  selected: boolean;
  top: number;
  onOpen(): void;
}

export function QueueRow({ item, selected, top, onOpen }: Props) {
  const { t } = useTranslation();
  return (
    <div
      id={`row-${item.ref}`}
      role="option"
      aria-selected={selected}
      className={`queue-row${selected ? ' selected' : ''}`}
      // Rows are absolutely placed by the virtualizer; a transform keeps scrolling on the compositor.
      style={{ transform: `translateY(${top}px)` }}
      onClick={onOpen}
    >
      <span className="ref">{item.ref}</span>
      <span className="customer">
        {item.customerName}
        <small className="muted">{item.productName}</small>
      </span>
      <span>{item.productType ? KINDS[item.productType].label[currentLanguage()] : '—'}</span>
      <span>{t(`status.${item.status}`)}</span>
      <Outcome outcome={item.latestOutcome} />
      <Countdown closesAt={item.windowClosesAt} />
    </div>
  );
}
