import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { refunds } from '../../../shared/model/decision';
import { REASON_MIN } from '../../../shared/model/reasons';
import { api, call } from '../../api/client';

/** The other cases of the order whose recorded outcome refunds it: a refund here would pay twice. */
export function useOtherRefunds(caseRef: string, orderId: string): string[] {
  const [refs, setRefs] = useState<string[]>([]);
  useEffect(() => {
    let current = true;
    call(api['cases.byOrder']({ orderId }))
      .then(
        ({ items }) =>
          current &&
          setRefs(
            items
              .filter((item) => item.ref !== caseRef && refunds(item.latestOutcome))
              .map((item) => item.ref),
          ),
      )
      // The store refuses a second refund anyway; this only says so before the agent tries.
      .catch(() => current && setRefs([]));
    return () => void (current = false);
  }, [caseRef, orderId]);
  return refs;
}

interface Props {
  orderId: string;
  refs: string[];
  reason: string;
  onReason(reason: string): void;
}

/** Names the cases that already refund the order and asks why it is refunded again. */
export function OtherRefunds({ orderId, refs, reason, onReason }: Props) {
  const { t } = useTranslation();
  return (
    <div className="warning">
      <p>
        {t('lifecycle.duplicateRefund', { order: orderId })}{' '}
        {refs.map((ref) => (
          <a key={ref} href={`#/case/${ref}`}>
            {ref}{' '}
          </a>
        ))}
      </p>
      <label htmlFor="duplicate-reason">
        {t('lifecycle.duplicateReason', { min: REASON_MIN.duplicateRefund })}
      </label>
      <textarea id="duplicate-reason" rows={2} value={reason} onChange={(e) => onReason(e.target.value)} />
    </div>
  );
}
