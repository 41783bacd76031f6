import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../shared/model/case';
import { api, call } from '../../api/client';

/** How long the order id must rest before it is looked up: once per pause, not per key. */
const LOOKUP_DELAY_MS = 300;

/** Warns, with links, when the order id typed already has a case: a second one is likely a duplicate. */
export function DuplicateOrder({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const [cases, setCases] = useState<CaseSummary[]>([]);
  useEffect(() => {
    const id = orderId.trim();
    if (id === '') return setCases([]);
    let current = true;
    const timer = setTimeout(() => {
      call(api['cases.byOrder']({ orderId: id }))
        .then(({ items }) => current && setCases(items))
        // Only a warning: a failed look-up leaves the form as it is.
        .catch(() => current && setCases([]));
    }, LOOKUP_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [orderId]);

  if (cases.length === 0) return null;
  return (
    <p className="warning" role="status">
      {t('lifecycle.duplicateOrder', { order: orderId.trim() })}{' '}
      {cases.map((item) => (
        <a key={item.ref} href={`#/case/${item.ref}`}>
          {item.ref} ({t(`status.${item.status}`)})
        </a>
      ))}
    </p>
  );
}
