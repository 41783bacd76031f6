import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { formatLocal, policyTime } from '../lib/time';

/** An instant in the agent's zone; the policy zone (where the rules count) on hover. */
export function When({ iso }: { iso: string }) {
  useTranslation();
  return (
    <time dateTime={iso} title={policyTime(iso)}>
      {formatLocal(iso, currentLanguage())}
    </time>
  );
}
