import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KINDS } from '../../../shared/model/catalogue';
import { PRODUCT_TYPES } from '../../../shared/model/facts';
import { SERVICE_CLOCKS, type ServiceTargets } from '../../../shared/model/service-targets';
import { currentLanguage, i18n } from '../../i18n';
import { useSettings } from '../../state/settings';
import { useAction } from '../../state/use-action';

const MINUTES_PER_HOUR = 60;
/** Whole hours, as an agent sets a target; kept as minutes. */
const WHOLE_HOURS = /^\s*(\d{1,4})\s*$/;

type Typed = Record<string, string>;
const typedOf = (targets: ServiceTargets): Typed =>
  Object.fromEntries(
    PRODUCT_TYPES.flatMap((kind) =>
      SERVICE_CLOCKS.map((clock) => [`${kind}.${clock}`, String(targets[kind][clock] / MINUTES_PER_HOUR)]),
    ),
  );

/** First-response and resolution targets per product kind, in hours, each error at its field. */
export function ServiceTargetsForm() {
  const { t } = useTranslation();
  const targets = useSettings((s) => s.serviceTargets);
  const save = useSettings((s) => s.save);
  const { busy, run } = useAction();
  const [typed, setTyped] = useState<Typed>(() => typedOf(targets));
  const [errors, setErrors] = useState<Record<string, boolean>>({});
  useEffect(() => setTyped(typedOf(targets)), [targets]);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const wrong: Record<string, boolean> = {};
    const next = Object.fromEntries(
      PRODUCT_TYPES.map((kind) => [
        kind,
        Object.fromEntries(
          SERVICE_CLOCKS.map((clock) => {
            const key = `${kind}.${clock}`;
            const hours = WHOLE_HOURS.exec(typed[key] ?? '');
            if (hours === null || Number(hours[1]) === 0) wrong[key] = true;
            return [clock, Number(hours?.[1] ?? 0) * MINUTES_PER_HOUR];
          }),
        ),
      ]),
    ) as ServiceTargets;
    setErrors(wrong);
    if (Object.keys(wrong).length > 0) return;
    void run(
      () => save({ serviceTargets: next }),
      () => i18n.t('settings.saved'),
    );
  };

  return (
    <form className="service-targets" onSubmit={submit} noValidate aria-labelledby="targets-title">
      <h2 id="targets-title">{t('settings.targets.title')}</h2>
      <p className="hint">{t('settings.targets.intro')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('queue.col.kind')}</th>
            {SERVICE_CLOCKS.map((clock) => (
              <th key={clock} scope="col">
                {t(`settings.targets.${clock}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {PRODUCT_TYPES.map((kind) => (
            <tr key={kind}>
              <th scope="row">{KINDS[kind].label[currentLanguage()]}</th>
              {SERVICE_CLOCKS.map((clock) => {
                const key = `${kind}.${clock}`;
                const id = `target-${kind}-${clock}`;
                return (
                  <td key={clock}>
                    <input
                      id={id}
                      inputMode="numeric"
                      aria-label={`${KINDS[kind].label[currentLanguage()]} · ${t(`settings.targets.${clock}`)}`}
                      aria-invalid={errors[key] ? true : undefined}
                      aria-describedby={errors[key] ? `${id}-error` : undefined}
                      value={typed[key] ?? ''}
                      onChange={(e) => setTyped({ ...typed, [key]: e.target.value })}
                    />{' '}
                    {t('settings.targets.hours')}
                    {errors[key] && (
                      <span id={`${id}-error`} className="error">
                        {t('settings.targets.wholeHours')}
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <button type="submit" disabled={busy}>
        {t('settings.targets.save')}
      </button>
    </form>
  );
}
