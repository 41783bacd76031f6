import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../shared/ipc/contract';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../../shared/model/languages';
import { api, call, desktopFiles } from '../../api/client';
import { useFormatInstant, When } from '../../components/When';
import { agentZone } from '../../lib/time';
import {
  THEME_CHOICES,
  ZONE_CHOICES,
  type ThemeChoice,
  type ZoneChoice,
} from '../../../shared/model/settings';
import { useSettings } from '../../state/settings';
import { useUi } from '../../state/ui';
import { useAction } from '../../state/use-action';
import { i18n } from '../../i18n';
import { ServiceTargetsForm } from './ServiceTargetsForm';
import { chooseBackupFile, fileName, restoreFromBackup } from './restore';
import { TeamSettings } from '../team/TeamSettings';

type Backup = ResponseOf<'backups.list'>['items'][number];

export function SettingsScreen() {
  const { t } = useTranslation();
  const { agentName, language, timeZone, theme, dataFolder, save } = useSettings();
  const [name, setName] = useState(agentName);
  const [backups, setBackups] = useState<Backup[]>([]);
  const notify = useUi((s) => s.notify);
  const formatInstant = useFormatInstant();

  useEffect(() => setName(agentName), [agentName]);
  useEffect(() => {
    call(api['backups.list']({}))
      .then(({ items }) => setBackups(items))
      .catch((error: Error) => notify(error.message, 'error'));
  }, [notify]);

  const { run } = useAction();

  return (
    <section className="settings" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run(
            () => save({ agentName: name }),
            () => i18n.t('settings.saved'),
          );
        }}
      >
        <label htmlFor="agent-name">{t('settings.agentName')}</label>
        <input id="agent-name" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
        <button type="submit" disabled={name.trim() === ''}>
          {t('common.save')}
        </button>
      </form>
      <label htmlFor="language">{t('settings.language')}</label>
      <select
        id="language"
        value={language}
        onChange={(e) =>
          void run(
            () => save({ language: e.target.value as Language }),
            () => i18n.t('settings.saved'),
          )
        }
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
      <label htmlFor="time-zone">{t('settings.timeZone')}</label>
      <select
        id="time-zone"
        value={timeZone}
        onChange={(e) =>
          void run(
            () => save({ timeZone: e.target.value as ZoneChoice }),
            () => i18n.t('settings.saved'),
          )
        }
      >
        {ZONE_CHOICES.map((choice) => (
          <option key={choice} value={choice}>
            {t(`settings.zoneChoice.${choice}`, { zone: agentZone() })}
          </option>
        ))}
      </select>
      <label htmlFor="theme">{t('settings.theme')}</label>
      <select
        id="theme"
        value={theme}
        onChange={(e) =>
          void run(
            () => save({ theme: e.target.value as ThemeChoice }),
            () => i18n.t('settings.saved'),
          )
        }
      >
        {THEME_CHOICES.map((choice) => (
          <option key={choice} value={choice}>
            {t(`settings.themeChoice.${choice}`)}
          </option>
        ))}
      </select>
      <ServiceTargetsForm />
      <TeamSettings />
      <h2>{t('settings.dataFolder')}</h2>
      <p>
        <code>{dataFolder}</code>
      </p>
      <h2>{t('settings.backups')}</h2>
      <button
        type="button"
        onClick={() =>
          void run(
            async () => {
              const created = await call(api['backups.create']({}));
              setBackups([created, ...backups]);
            },
            () => t('settings.backedUp'),
          )
        }
      >
        {t('settings.createBackup')}
      </button>
      {desktopFiles() !== null && (
        <button
          type="button"
          onClick={() =>
            void run(async () => {
              const file = await chooseBackupFile();
              if (file === null) return;
              await restoreFromBackup(file, agentName, {
                question: t('settings.restoreFileConfirm', { file: fileName(file), folder: dataFolder }),
                done: (restored, keptAs) => t('settings.restored', { file: fileName(restored), keptAs }),
              });
            })
          }
        >
          {t('settings.restoreFromFile')}
        </button>
      )}
      {backups.length === 0 ? (
        <p className="muted">{t('settings.noBackups')}</p>
      ) : (
        <ul className="backups">
          {backups.map((b) => (
            <li key={b.file}>
              <When iso={b.createdAt} /> · {t(`settings.kind.${b.kind}`)} · <code>{b.file}</code> ·{' '}
              {Math.round(b.bytes / 1024)} KB{' '}
              <button
                type="button"
                className="linkish"
                aria-label={t('settings.restoreThis', { file: b.file })}
                onClick={() =>
                  void run(() =>
                    restoreFromBackup(b.file, agentName, {
                      question: t('settings.restoreConfirm', {
                        file: fileName(b.file),
                        when: formatInstant(b.createdAt),
                        kind: t(`settings.kind.${b.kind}`),
                        folder: dataFolder,
                      }),
                      done: (restored, keptAs) =>
                        t('settings.restored', { file: fileName(restored), keptAs }),
                    }),
                  )
                }
              >
                {t('settings.restore')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
