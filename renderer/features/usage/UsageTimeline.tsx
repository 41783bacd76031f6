import { useTranslation } from 'react-i18next';
import { When } from '../../components/When';
import { callMinutesForPeople, type explainUsage, type UsageInput } from '../../../shared/policy/rtc-usage';

type Breakdown = ReturnType<typeof explainUsage>;

/** Every call in start order with what it drew, then relay transcoding by day and profile. */
export function UsageTimeline({ input, breakdown }: { input: UsageInput; breakdown: Breakdown }) {
  const { t } = useTranslation();
  const recordById = new Map(input.usage.map((record) => [record.id, record]));
  return (
    <>
      <h3>{t('usage.timeline')}</h3>
      <ol className="usage-timeline">
        {breakdown.usage.map((line) => {
          const record = recordById.get(line.id)!;
          const kind =
            record.type === 'audio' ? t('usage.audio') : t('usage.video', { resolution: record.resolution });
          return (
            <li key={line.id} className={line.payAsYouGo ? 'payg' : undefined}>
              <When iso={record.startedAt} /> · <strong>{line.id}</strong> · {kind} ·{' '}
              {t('usage.callMinutes', { minutes: record.minutes })}
              <div className="muted">
                {line.factor === null
                  ? t('usage.notCovered', { minutes: callMinutesForPeople(line.uncoveredCallMinutes) })
                  : t('usage.converted', { packageMinutes: line.packageMinutes, factor: line.factor })}
                {line.draws.length > 0 &&
                  ` · ${t('usage.drawnFrom', { draws: line.draws.map((d) => `${d.package} (${d.minutes})`).join(', ') })}`}
                {line.uncoveredPackageMinutes > 0 &&
                  ` · ${t('usage.uncovered', {
                    minutes: callMinutesForPeople(line.uncoveredCallMinutes),
                    packageMinutes: line.uncoveredPackageMinutes,
                  })}`}
                {` · ${t('usage.settled', { day: line.settlementDay })}`}
              </div>
              {line.payAsYouGo && <span className="badge outcome-ineligible">{t('usage.payg')}</span>}
            </li>
          );
        })}
      </ol>
      {breakdown.relay.length > 0 && (
        <>
          <h3>{t('usage.relay')}</h3>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('usage.day')}</th>
                <th scope="col">{t('usage.profile')}</th>
                <th scope="col" className="num">
                  {t('usage.minutes')}
                </th>
                <th scope="col">{t('usage.note')}</th>
              </tr>
            </thead>
            <tbody>
              {breakdown.relay.map((line) => (
                <tr key={`${line.day}|${line.profile}|${line.defaulted}`}>
                  <td>{line.day}</td>
                  <td>{line.profile ?? t('usage.noProfile')}</td>
                  <td className="num">{line.minutes}</td>
                  <td>
                    {line.defaulted
                      ? t('usage.defaulted')
                      : line.profile === null
                        ? t('usage.unprofiled')
                        : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
