import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../shared/ipc/contract';
import { formatMoney } from '../../../shared/model/money';
import { Outcome } from '../../components/Outcome';

type Group = ResponseOf<'policy.replay'>['groups'][number];
type Gist = Group['cases'][number]['before'];

/** Cases still being worked on: a lead can decide them again under the new reading. */
const UNDECIDED = new Set(['open', 'pending_customer']);

function GistCell({ gist }: { gist: Gist }) {
  return (
    <td>
      <Outcome outcome={gist.outcome} />{' '}
      {gist.refundAmount !== null && formatMoney({ amount: gist.refundAmount, currency: gist.currency })}
      <small className="muted">
        {' '}
        {gist.policyVersion}/{gist.policyRevision}
      </small>
    </td>
  );
}

/**
 * "Facts changed since the decision · Eligible → Eligible · amount changes": what sets the
 * group apart, its cause first, so a change of facts is not read as the revision's doing.
 */
function useGroupTitle(group: Group, under: string): string {
  const { t } = useTranslation();
  const clauses = [
    ...group.clausesAdded.map((clause) => `+${clause}`),
    ...group.clausesRemoved.map((clause) => `−${clause}`),
  ];
  return [
    t(`policyChanges.cause.${group.cause}`, { under }),
    `${t(`outcome.${group.from}`)} → ${t(`outcome.${group.to}`)}`,
    ...(group.amountChanged ? [t('policyChanges.amountChanged')] : []),
    ...(clauses.length > 0 ? [t('policyChanges.clauses', { list: clauses.join(', ') })] : []),
  ].join(' · ');
}

export function ChangeGroup({ group, index, under }: { group: Group; index: number; under: string }) {
  const { t } = useTranslation();
  const title = useGroupTitle(group, under);
  const id = `change-group-${index}`;
  return (
    <section className="change-group" aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="badge">{t('policyChanges.groupCount', { count: group.total })}</span>
      </h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('policyChanges.case')}</th>
            <th scope="col">{t('policyChanges.status')}</th>
            <th scope="col">{t('policyChanges.before')}</th>
            <th scope="col">{t('policyChanges.after')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('policyChanges.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {group.cases.map((item) => (
            <tr key={item.ref}>
              <td>
                <a href={`#/case/${item.ref}`}>{item.ref}</a>
              </td>
              <td>{t(`status.${item.status}`)}</td>
              <GistCell gist={item.before} />
              <GistCell gist={item.after} />
              <td>
                {UNDECIDED.has(item.status) && (
                  <a
                    className="button"
                    href={`#/case/${item.ref}/decide`}
                    aria-label={t('policyChanges.decideAgainCase', { ref: item.ref })}
                  >
                    {t('policyChanges.decideAgain')}
                  </a>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {group.cases.length < group.total && (
        <p className="muted">{t('policyChanges.moreInGroup', { count: group.total - group.cases.length })}</p>
      )}
    </section>
  );
}
