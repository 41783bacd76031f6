import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { desktopFiles } from '../../api/client';
import { useSettings } from '../../state/settings';
import { fileSize, OFFSET_CHOICES, percentOf } from './import-flow';
import { useImport } from './import-state';
import { MappingTable } from './MappingTable';
import { PreviewPanel } from './PreviewPanel';
import { RunPanel } from './RunPanel';
import './import.css';

const ENCODINGS = ['utf8', 'gb18030', 'utf16le'] as const;

/** CSV orders into cases: choose a file, check the columns, preview, then import with progress. */
export function ImportScreen() {
  const { t } = useTranslation();
  const agent = useSettings((s) => s.agentName);
  const state = useImport();
  const { source, uploading, preview, previewing, problem, job, encoding, amountUnit, assumeOffset } = state;
  const input = useRef<HTMLInputElement>(null);
  const desktop = desktopFiles() !== null;
  useEffect(() => void useImport.getState().loadSaved(), []);
  const busy = job?.state === 'running';

  return (
    <section className="import" aria-labelledby="import-title">
      <h1 id="import-title">{t('import.title')}</h1>
      <p className="muted">{t('import.intro')}</p>
      <div className="import-source" role="group" aria-label={t('import.file')}>
        {desktop ? (
          <button type="button" disabled={busy} onClick={() => void state.chooseOnDesktop()}>
            {t('import.chooseFile')}
          </button>
        ) : (
          <>
            {/* The browser's own file button speaks the system's language; this label speaks the agent's. */}
            <input
              id="import-file"
              ref={input}
              className="visually-hidden"
              type="file"
              accept=".csv,.txt,text/csv"
              disabled={busy}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file !== undefined) void state.chooseInBrowser(file);
                e.target.value = '';
              }}
            />
            <label htmlFor="import-file" className="button">
              {t('import.chooseFile')}
            </label>
          </>
        )}
        <span className="import-file-name">
          {source === null
            ? t('import.noFile')
            : t('import.chosen', { name: source.name, size: fileSize(source.bytes) })}
        </span>
        <label htmlFor="import-encoding">{t('import.encoding')}</label>
        <select
          id="import-encoding"
          value={encoding}
          disabled={busy}
          onChange={(e) => void state.setOption({ encoding: e.target.value })}
        >
          <option value="">{t('import.encodingAuto')}</option>
          {ENCODINGS.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        <label htmlFor="import-unit">{t('import.amountUnit')}</label>
        <select
          id="import-unit"
          value={amountUnit ?? ''}
          disabled={busy}
          onChange={(e) =>
            void state.setOption({
              amountUnit: e.target.value === '' ? null : (e.target.value as 'yuan' | 'fen'),
            })
          }
        >
          <option value="">{t('import.unitAuto')}</option>
          <option value="yuan">{t('import.unitYuan')}</option>
          <option value="fen">{t('import.unitFen')}</option>
        </select>
        <label htmlFor="import-offset">{t('import.assumeOffset')}</label>
        <select
          id="import-offset"
          value={assumeOffset ?? ''}
          disabled={busy}
          onChange={(e) =>
            void state.setOption({ assumeOffset: e.target.value === '' ? null : e.target.value })
          }
        >
          <option value="">{t('import.offsetNone')}</option>
          {OFFSET_CHOICES.map((offset, index) => (
            <option key={offset} value={offset}>
              {t(index === 0 ? 'import.offsetPolicy' : 'import.offsetOther', { offset })}
            </option>
          ))}
        </select>
      </div>
      {uploading !== null && (
        <p role="status">{t('import.uploading', { percent: percentOf(uploading * 100, 100) })}</p>
      )}
      {previewing && <p role="status">{t('import.previewing')}</p>}
      {problem !== null && (
        <p role="alert" className="error">
          {t('common.error', { message: problem })}
        </p>
      )}
      {preview !== null && (
        <div className="import-body">
          {preview.mapping.length > 0 && job === null && <MappingTable preview={preview} />}
          <div className="import-side">
            <PreviewPanel preview={preview} />
            <RunPanel preview={preview} agent={agent} />
          </div>
        </div>
      )}
    </section>
  );
}
