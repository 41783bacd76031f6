import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../../state/settings';
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/model/export';
import { api, call, desktopFiles } from '../../api/client';
import { currentQuery, useQueue } from '../../state/queue';
import { useUi } from '../../state/ui';
import { exportFileName, exportFilterFor } from './export-filter';
import { useExportDialog } from './export-state';
import './export.css';

/** Hands the bytes to the browser as a download: the page cannot write files itself. */
function download(name: string, mimeType: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Writes the current queue view's cases: a native save dialog in the app, a download in a browser. */
async function runExport(
  format: ExportFormat,
  excelFriendly: boolean,
): Promise<{ rows: number; file: string } | null> {
  const { view } = useQueue.getState();
  // What the list shows, the agent's filters included.
  const filter = exportFilterFor(currentQuery());
  // A spreadsheet's headers in the console's language.
  const language = useSettings.getState().language;
  const name = exportFileName(view, format, new Date());
  const desktop = desktopFiles();
  if (desktop === null) {
    const file = await call(api['exports.download']({ format, filter, excelFriendly, language }));
    download(name, file.mimeType, file.data);
    return { rows: file.rows, file: name };
  }
  const chosen = await desktop.saveFile({ purpose: `export-${format}`, suggestedName: name });
  if (!chosen.ok) throw new Error(chosen.error.message);
  if (chosen.value.file === null) return null;
  return call(api['exports.write']({ format, filter, excelFriendly, language, file: chosen.value.file }));
}

export function ExportDialog() {
  const { t } = useTranslation();
  const setOpen = useExportDialog((s) => s.setOpen);
  const view = useQueue((s) => s.view);
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [excelFriendly, setExcelFriendly] = useState(false);
  const [state, setState] = useState<{ busy: boolean; done: string | null; error: string | null }>({
    busy: false,
    done: null,
    error: null,
  });
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const submit = async () => {
    setState({ busy: true, done: null, error: null });
    try {
      const written = await runExport(format, excelFriendly);
      const done = written === null ? null : t('export.done', { rows: written.rows, file: written.file });
      setState({ busy: false, done, error: null });
      if (done !== null) useUi.getState().notify(done);
    } catch (error) {
      setState({ busy: false, done: null, error: (error as Error).message });
    }
  };

  return (
    <div className="palette-backdrop" onMouseDown={() => setOpen(false)}>
      <div
        className="palette export-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="export-title"
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          // The queue under the dialog answers j, k and Enter on the window: not while this is open.
          e.stopPropagation();
          if (e.key === 'Escape') setOpen(false);
        }}
      >
        <h2 id="export-title">{t('export.title')}</h2>
        <p className="muted">{t('export.intro', { view: t(`queue.view.${view}`) })}</p>
        <fieldset>
          <legend>{t('export.format')}</legend>
          {EXPORT_FORMATS.map((name, index) => (
            <label key={name} className="check">
              <input
                ref={index === 0 ? first : undefined}
                type="radio"
                name="export-format"
                value={name}
                checked={format === name}
                onChange={() => setFormat(name)}
              />
              {t(`export.${name}`)}
            </label>
          ))}
        </fieldset>
        {format === 'csv' && (
          <label className="check">
            <input
              type="checkbox"
              checked={excelFriendly}
              onChange={(e) => setExcelFriendly(e.target.checked)}
            />
            {t('export.excelFriendly')}
          </label>
        )}
        {state.error !== null && (
          <p role="alert" className="error">
            {t('common.error', { message: state.error })}
          </p>
        )}
        {state.done !== null && <p className="export-done">{state.done}</p>}
        <p className="export-actions">
          <button type="button" className="primary" disabled={state.busy} onClick={() => void submit()}>
            {state.busy ? t('export.running') : t('export.run')}
          </button>
          <button type="button" onClick={() => setOpen(false)}>
            {t('export.close')}
          </button>
        </p>
      </div>
    </div>
  );
}

/** The queue's Export button, with its dialog. */
export function ExportButton() {
  const { t } = useTranslation();
  const { open, setOpen } = useExportDialog();
  return (
    <>
      <button type="button" className="export-open" onClick={() => setOpen(true)}>
        {t('export.button')}
      </button>
      {/* Over the whole page, not inside the queue's toolbar, whose list would sit on top of it. */}
      {open && createPortal(<ExportDialog />, document.body)}
    </>
  );
}
