import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PolicyZoneScreen, When } from '../../components/When';
import { usePersistentState } from '../../lib/usePersistentState';
import {
  explainUsage,
  formatInputError,
  parseUsageInput,
  type UsageInput,
} from '../../../shared/policy/rtc-usage';
import { UsageTimeline } from './UsageTimeline';

type Explained =
  | { state: 'empty' }
  | { state: 'invalid'; message: string }
  | { state: 'ok'; input: UsageInput; breakdown: ReturnType<typeof explainUsage> };

function explain(text: string): Explained {
  if (text.trim() === '') return { state: 'empty' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { state: 'invalid', message: (error as Error).message };
  }
  const parsed = parseUsageInput(json);
  if (!parsed.ok) return { state: 'invalid', message: formatInputError(parsed.error) };
  return { state: 'ok', input: parsed.value, breakdown: explainUsage(parsed.value) };
}

/**
 * "Why was I charged?" for a communication package case: the agent pastes or loads the
 * customer's package and usage export, and sees which package each call drew from and what
 * fell to pay-as-you-go. Computed here with the shared rules; the pasted text is kept per
 * case so a restart loses nothing.
 */
export function UsagePanel({ caseRef }: { caseRef: string }) {
  const { t } = useTranslation();
  const [text, setText] = usePersistentState(`usage.${caseRef}`, '');
  const explained = useMemo(() => explain(text), [text]);

  const load = async (file: File | undefined) => {
    if (file) setText(await file.text());
  };

  return (
    <PolicyZoneScreen>
      <section aria-labelledby="usage-title" className="wide usage">
        <h2 id="usage-title">{t('usage.title')}</h2>
        <p className="hint">{t('usage.intro')}</p>
        <p className="muted zone-note">{t('usage.zone')}</p>
        <div className="usage-input">
          <label htmlFor="usage-json">{t('usage.inputLabel')}</label>
          <textarea
            id="usage-json"
            rows={5}
            spellCheck={false}
            value={text}
            placeholder='{ "packages": [...], "usage": [...], "relay": [...] }'
            onChange={(event) => setText(event.target.value)}
            aria-invalid={explained.state === 'invalid'}
            aria-describedby="usage-status"
          />
          <label className="button">
            {t('usage.loadFile')}
            <input
              type="file"
              accept="application/json,.json"
              className="visually-hidden"
              onChange={(event) => void load(event.target.files?.[0])}
            />
          </label>
        </div>
        <p id="usage-status" className={explained.state === 'invalid' ? 'error' : 'muted'} role="status">
          {explained.state === 'invalid' ? t('usage.invalid', { message: explained.message }) : null}
          {explained.state === 'empty' ? t('usage.empty') : null}
        </p>
        {explained.state === 'ok' && <Breakdown input={explained.input} breakdown={explained.breakdown} />}
      </section>
    </PolicyZoneScreen>
  );
}

function Breakdown({ input, breakdown }: { input: UsageInput; breakdown: ReturnType<typeof explainUsage> }) {
  const { t } = useTranslation();
  const packageById = new Map(input.packages.map((pkg) => [pkg.id, pkg]));
  return (
    <>
      <h3>{t('usage.packages')}</h3>
      <table className="usage-packages">
        <thead>
          <tr>
            <th scope="col">{t('usage.package')}</th>
            <th scope="col">{t('usage.bought')}</th>
            <th scope="col">{t('usage.expires')}</th>
            <th scope="col" className="num">
              {t('usage.minutes')}
            </th>
            <th scope="col" className="num">
              {t('usage.used')}
            </th>
            <th scope="col" className="num">
              {t('usage.remaining')}
            </th>
          </tr>
        </thead>
        <tbody>
          {breakdown.packages.map((balance) => {
            const pkg = packageById.get(balance.id)!;
            return (
              <tr key={balance.id}>
                <th scope="row">{balance.id}</th>
                <td>
                  <When iso={pkg.purchasedAt} />
                </td>
                <td>
                  <When iso={pkg.expiresAt} />
                </td>
                <td className="num">{pkg.minutes}</td>
                <td className="num">{balance.used}</td>
                <td className="num">{balance.remaining}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <UsageTimeline input={input} breakdown={breakdown} />
    </>
  );
}
