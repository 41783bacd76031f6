import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Proposal } from '../../../shared/extract';
import { FACTS } from '../../../shared/model/catalogue';
import type { CaseDetail } from '../../../shared/model/case';
import { readFact, withFact, type FactKey } from '../../../shared/model/facts';
import type { MessageWithProposals } from '../../../shared/ipc/contract-messages';
import { currentLanguage } from '../../i18n';
import { caseActions } from '../../state/case-actions';
import { useSettings } from '../../state/settings';
import { useAction } from '../../state/use-action';
import { useFactText } from '../case/FactList';

const isFact = (fact: string): fact is FactKey => Object.hasOwn(FACTS, fact);

/** Whether the case already holds the proposed value. */
function holds(detail: CaseDetail, proposal: Proposal): boolean {
  if (proposal.fact === 'orderId') return detail.summary.orderId === proposal.value;
  return isFact(proposal.fact) && readFact(detail.facts, proposal.fact) === proposal.value;
}

/** A proposed value in the words the fact list uses, in the currency the message wrote. */
function ProposedValue({
  detail,
  proposal,
  currency,
}: {
  detail: CaseDetail;
  proposal: Proposal;
  currency: string | undefined;
}) {
  const base = currency === undefined ? detail.facts : { ...detail.facts, currency };
  const text = useFactText(isFact(proposal.fact) ? withFact(base, proposal.fact, proposal.value) : base);
  if (!isFact(proposal.fact)) return <>{String(proposal.value)}</>;
  return <>{text(proposal.fact)[1]}</>;
}

interface Props {
  detail: CaseDetail;
  message: MessageWithProposals;
  selected: Proposal | null;
  onSelect: (proposal: Proposal | null) => void;
}

/** Each proposal with its source and the agent's accept or reject; nothing is applied unasked. */
export function ProposalList({ detail, message, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const agentName = useSettings((s) => s.agentName);
  const { busy, run } = useAction();
  const [rejected, setRejected] = useState<ReadonlySet<Proposal>>(new Set());
  const ref = detail.summary.ref;
  const currency = message.proposals.find((p) => p.fact === 'currency')?.value as string | undefined;
  const labelOf = (proposal: Proposal) =>
    isFact(proposal.fact) ? FACTS[proposal.fact].label[currentLanguage()] : t('message.orderId');

  const accept = (proposal: Proposal) =>
    run(
      () =>
        proposal.fact === 'orderId'
          ? caseActions.updateFields(ref, { orderId: String(proposal.value) }, agentName)
          : caseActions.acceptFact(ref, proposal.fact as FactKey, proposal.value, agentName, message.id),
      () => t('message.accepted', { fact: labelOf(proposal) }),
    );

  if (message.proposals.length === 0) return <p className="muted">{t('message.noProposals')}</p>;
  return (
    <ul className="proposals" aria-label={t('message.proposals')}>
      {message.proposals.map((proposal) => {
        const done = holds(detail, proposal);
        const refused = rejected.has(proposal);
        return (
          <li
            key={`${proposal.fact}-${proposal.start}`}
            className={selected === proposal ? 'selected' : undefined}
            onMouseEnter={() => onSelect(proposal)}
            onFocus={() => onSelect(proposal)}
          >
            <span className="proposal-fact">{labelOf(proposal)}</span>{' '}
            <strong>
              <ProposedValue detail={detail} proposal={proposal} currency={currency} />
            </strong>{' '}
            <q className="muted">{proposal.text}</q>
            {proposal.assumed === 'policyZone' && (
              <span className="hint"> {t('message.zoneAssumed')}</span>
            )}{' '}
            {done ? (
              <span className="badge">{t('message.inFacts')}</span>
            ) : refused ? (
              <span className="badge">{t('message.rejected')}</span>
            ) : (
              <>
                <button
                  type="button"
                  disabled={busy || agentName === ''}
                  onClick={() => void accept(proposal)}
                >
                  {t('message.accept')}
                </button>
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => setRejected(new Set(rejected).add(proposal))}
                >
                  {t('message.reject')}
                </button>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
