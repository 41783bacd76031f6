import { useCallback, useEffect, useState } from 'react';
import type { Outcome } from '../../../shared/model/decision';
import type { Language } from '../../../shared/model/languages';
import type { ReplyTemplate } from '../../../shared/model/reply-templates';
import { api, call } from '../../api/client';
import { useUi } from '../../state/ui';

/** The team's reply templates, read from the store; null until they arrive. */
export function useReplyTemplates() {
  const [templates, setTemplates] = useState<ReplyTemplate[] | null>(null);
  const reload = useCallback(async () => {
    try {
      setTemplates((await call(api['replyTemplates.list']({}))).items);
    } catch (error) {
      useUi.getState().notify((error as Error).message, 'error');
    }
  }, []);
  useEffect(() => void reload(), [reload]);
  const find = (outcome: Outcome, language: Language) =>
    templates?.find((template) => template.outcome === outcome && template.language === language) ?? null;
  return { ready: templates !== null, find, reload };
}
