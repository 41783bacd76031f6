import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveCaseReport } from './case-report';

/** The case's decision report (see saveCaseReport), also File → Report… in the desktop app. */
export function ReportButton({ caseRef }: { caseRef: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    await saveCaseReport(caseRef, t).finally(() => setBusy(false));
  };
  return (
    <button type="button" className="ghost" disabled={busy} onClick={() => void save()}>
      {t('caseView.report')}
    </button>
  );
}
