import type { TFunction } from 'i18next';
import type { ClaimAnswer } from '../../state/team';

/** What the agent is told about a claim: granted, refused (by whom, until when) or provisional. */
export function claimText(
  t: TFunction,
  ref: string,
  claim: ClaimAnswer,
  formatInstant: (iso: string) => string,
) {
  if (claim.state === 'granted') return t('team.claimGranted', { ref });
  if (claim.state === 'refused')
    return t('team.claimRefused', { ref, holder: claim.holder, until: formatInstant(claim.leaseUntil) });
  return t('team.claimProvisional', { ref });
}
