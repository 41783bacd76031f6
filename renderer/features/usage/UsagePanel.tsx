import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PolicyZoneScreen, When } from '../../components/When';
import { api, call } from '../../api/client';
import type { UsageBreakdown, UsageInput } from '../../../shared/policy/rtc-usage';
import { readUsageExport } from '../../../shared/policy/usage-facts';
import { useCase } from '../../state/case';
import { useSettings } from '../../state/settings';
import { useUi } from '../../state/ui';
import { UsageFacts } from './UsageFacts';
import { UsageTimeline } from './UsageTimeline';

type Explained =
  | { state: 'empty' }
  | { state: 'invalid'; message: string }
  | { state: 'ok'; input: UsageInput; breakdown: UsageBreakdown };

function explain(text: string): Explained {
  if (text.trim() === '') return { state: 'empty' };
  const read = readUsageExport(text);
  return read.ok ? { state: 'ok', ...read } : { state: 'invalid', message: read.problem };
}

const SAVE_AFTER_MS = 800;

// Before exports belonged to the case, the explainer kept them in this browser only; one left
// there is brought into the store the first time its case is opened, then forgotten here.
const LEGACY_KEY = (caseRef: string) => `refund-console.usage.${caseRef}`;
function leftInBrowser(caseRef: string): string | null {
  const saved = localStorage.getItem(LEGACY_KEY(caseRef));
  return saved === null ? null : (JSON.parse(saved) as string);
}

interface Kept {
  savedAt: string | null;
  savedBy: string | null;
}

/**
 * "Why was I charged?" for a communication package case: the agent pastes or loads the
 * customer's package and usage export, and sees which package each call drew from and what
 * fell to pay-as-you-go. Computed here with the shared rules. The export belongs to the case:
 * once it reads as an export it is kept in the store (audited), so every agent and every
 * machine sees the same one, and it is checked against the case's "minutes used".
 */
export function UsagePanel({ caseRef }: { caseRef: string }) {
  const { t } = useTranslation();
  const agentName = useSettings((s) => s.agentName);
  const facts = useCase((s) => (s.detail?.summary.ref === caseRef ? s.detail.facts : null));
  const [text, setText] = useState<string | null>(null);
  const [kept, setKept] = useState<Kept>({ savedAt: null, savedBy: null });
  const storedText = useRef<string | null>(null);
  const explained = useMemo(() => explain(text ?? ''), [text]);

  useEffect(() => {
    let current = true;
    setText(null);
    call(api['usage.get']({ ref: caseRef }))
      .then((stored) => {
        if (!current) return;
        storedText.current = stored.text;
        setText(stored.text ?? leftInBrowser(caseRef) ?? '');
        setKept(stored);
      })
      .catch((error: Error) => useUi.getState().notify(error.message, 'error'));
    return () => void (current = false);
  }, [caseRef]);

  // Only an export that reads is kept: half-pasted text would file an audit row per keystroke.
  useEffect(() => {
    if (text === null || explained.state !== 'ok' || text === storedText.current || agentName === '') return;
    const timer = setTimeout(() => {
      call(api['usage.save']({ ref: caseRef, text, agent: agentName }))
        .then((stored) => {
          storedText.current = stored.text;
          setKept(stored);
          localStorage.removeItem(LEGACY_KEY(caseRef));
        })
        .catch((error: Error) => useUi.getState().notify(error.message, 'error'));
    }, SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [text, explained.state, caseRef, agentName]);

  const load = async (file: File | undefined) => {
    if (file) setText(await file.text());
  };

  if (text === null) return null;
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
          {explained.state === 'ok' && kept.savedAt !== null && text === storedText.current && (
            <>
              {t('usage.kept', { agent: kept.savedBy })} <When iso={kept.savedAt} />
            </>
          )}
        </p>
        {explained.state === 'ok' && facts !== null && (
          <UsageFacts
            caseRef={caseRef}
            facts={facts}
            input={explained.input}
            breakdown={explained.breakdown}
          />
        )}
        {explained.state === 'ok' && <Breakdown input={explained.input} breakdown={explained.breakdown} />}
      </section>
    </PolicyZoneScreen>
  );
}

function Breakdown({ input, breakdown }: { input: UsageInput; breakdown: UsageBreakdown }) {
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
