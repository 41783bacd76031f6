import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../shared/model/case';
import { api, call } from '../../api/client';
import { Outcome } from '../../components/Outcome';
import { When } from '../../components/When';

/** How many of the other cases show at first: a busy account would push the audit trail off the screen. */
const FIRST_SHOWN = 5;

/** The customer's other cases (same account), newest first: earlier refunds, repeat requests. */
export function AccountHistory({ caseRef, revision }: { caseRef: string; revision: number }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<CaseSummary[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  /** The case whose whole list the agent asked for; another case starts short again. */
  const [expandedFor, setExpandedFor] = useState<string | null>(null);
  // Read again after each change to this case: an edited account id names other cases.
  useEffect(() => {
    let current = true;
    call(api['cases.accountHistory']({ ref: caseRef }))
      .then(({ items: found }) => current && setItems(found))
      .catch((error: Error) => current && setFailed(error.message));
    return () => void (current = false);
  }, [caseRef, revision]);

  return (
    <section aria-labelledby="account-history-title">
      <h2 id="account-history-title">{t('lifecycle.history')}</h2>
      {failed !== null ? (
        <p className="error">{t('common.error', { message: failed })}</p>
      ) : items === null ? (
        <p className="muted">{t('common.loading')}</p>
      ) : items.length === 0 ? (
        <p className="muted">{t('lifecycle.noHistory')}</p>
      ) : (
        <>
          <ul className="account-history">
            {(expandedFor === caseRef ? items : items.slice(0, FIRST_SHOWN)).map((item) => (
              <li key={item.ref}>
                <a href={`#/case/${item.ref}`}>{item.ref}</a> · {item.orderId} · {item.productName} ·{' '}
                {t(`status.${item.status}`)} <Outcome outcome={item.latestOutcome} />{' '}
                <When iso={item.createdAt} />
              </li>
            ))}
          </ul>
          {expandedFor !== caseRef && items.length > FIRST_SHOWN && (
            <button type="button" onClick={() => setExpandedFor(caseRef)}>
              {t('lifecycle.showAllHistory', { count: items.length })}
            </button>
          )}
        </>
      )}
    </section>
  );
}
