import { useTranslation } from 'react-i18next';
import { unskippedErrors, type ImportJob, type ImportSummary } from '../../../shared/model/import';
import { desktopFiles } from '../../api/client';
import { useRoute } from '../../state/route';
import { percentOf } from './import-flow';
import { useImport } from './import-state';

/** Start (refused while a row is bad, unless bad rows are skipped), progress with cancel, then the summary. */
export function RunPanel({ preview, agent }: { preview: ImportSummary; agent: string }) {
  const { t } = useTranslation();
  const { job, skipBadRows, rejectsFile, cancelling, setOption, start, cancel, chooseRejectsFile } =
    useImport();
  // The preview skips bad rows: an error it did not skip is the file's, and no option helps.
  const refused = skipBadRows ? unskippedErrors(preview) > 0 : preview.errorCount > 0;
  if (job !== null) return <JobPanel job={job} cancelling={cancelling} onCancel={() => void cancel()} />;
  return (
    <section className="import-run" aria-label={t('import.start', { count: preview.added })}>
      {preview.errorCount > 0 && (
        <label className="check">
          <input
            type="checkbox"
            checked={skipBadRows}
            onChange={(e) => void setOption({ skipBadRows: e.target.checked })}
          />
          {t('import.skipBadRows')}
        </label>
      )}
      {skipBadRows && desktopFiles() !== null && (
        <p className="import-rejects">
          <button type="button" onClick={() => void chooseRejectsFile()}>
            {t('import.chooseRejects')}
          </button>{' '}
          {rejectsFile !== null && <code>{rejectsFile}</code>}
        </p>
      )}
      {refused && (
        <p className="error" role="alert">
          {t('import.refused')}
        </p>
      )}
      {agent === '' && <p className="error">{t('import.noAgent')}</p>}
      <button
        type="button"
        className="primary"
        disabled={refused || agent === '' || preview.added === 0}
        onClick={() => void start()}
      >
        {t('import.start', { count: preview.added })}
      </button>
    </section>
  );
}

function JobPanel({ job, cancelling, onCancel }: { job: ImportJob; cancelling: boolean; onCancel(): void }) {
  const { t } = useTranslation();
  const percent = percentOf(job.bytesRead, job.size);
  if (job.state === 'running') {
    return (
      <section className="import-run" aria-labelledby="import-running">
        <h2 id="import-running">{t('import.running')}</h2>
        <progress max={100} value={percent} aria-labelledby="import-running" />
        <p role="status" className="import-progress">
          {t('import.progress', { rows: job.rows, rate: Math.round(job.rowsPerSecond), percent })}
        </p>
        <button type="button" onClick={onCancel} disabled={cancelling}>
          {cancelling ? t('import.cancelling') : t('import.cancel')}
        </button>
      </section>
    );
  }
  return <Outcome job={job} />;
}

function Outcome({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const go = useRoute((s) => s.go);
  const reset = useImport((s) => s.reset);
  const rejectsFile = useImport((s) => s.rejectsFile);
  const summary = job.summary;
  const message =
    job.state === 'failed'
      ? t('import.failed', { message: job.problem ?? '' })
      : job.state === 'cancelled'
        ? t('import.cancelled')
        : summary === null
          ? ''
          : !summary.committed && summary.errorCount > 0
            ? t('import.notWritten')
            : summary.added === 0
              ? t('import.nothingNew')
              : t('import.refs', { first: summary.firstRef, last: summary.lastRef });
  return (
    <section className="import-run" aria-labelledby="import-outcome">
      <h2 id="import-outcome">{t('import.summaryTitle')}</h2>
      <p role="status" className={job.state === 'failed' ? 'error' : undefined}>
        {message}
      </p>
      {summary !== null && job.state === 'done' && (
        <dl className="import-summary">
          <dt>{t('import.created')}</dt>
          <dd data-count="created">{summary.added}</dd>
          <dt>{t('import.duplicates')}</dt>
          <dd data-count="duplicates">{summary.duplicates}</dd>
          <dt>{t('import.skippedRows')}</dt>
          <dd data-count="skipped">{summary.skipped}</dd>
          <dt>{t('import.errors')}</dt>
          <dd data-count="errors">{summary.errorCount}</dd>
        </dl>
      )}
      {summary !== null && summary.committed && summary.skipped > 0 && rejectsFile !== null && (
        <p>{t('import.rejectsSaved', { file: rejectsFile })}</p>
      )}
      <p className="import-after">
        <a href="#/queue" onClick={() => reset()}>
          {t('import.toQueue')}
        </a>
        <button
          type="button"
          onClick={() => {
            reset();
            go({ name: 'import' });
          }}
        >
          {t('import.another')}
        </button>
      </p>
    </section>
  );
}
