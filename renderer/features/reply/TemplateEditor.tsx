import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/model/languages';
import { LANGUAGE_NAMES } from '../../../shared/model/languages';
import { REPLY_VARIABLES, templateProblem, type ReplyTemplate } from '../../../shared/model/reply-templates';
import { api, call } from '../../api/client';
import { When } from '../../components/When';
import { useAction } from '../../state/use-action';

/**
 * The team's template for the outcome and language on screen, edited in place: the reply
 * screen is where an agent notices a wording to improve. Saved to the store for everyone.
 */
export function TemplateEditor({
  template,
  agent,
  onSaved,
}: {
  template: ReplyTemplate;
  agent: string;
  onSaved: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [body, setBody] = useState(template.body);
  const { busy, run } = useAction();
  useEffect(() => setBody(template.body), [template.body]);
  const problem = templateProblem(body);

  const save = async (next: string | null) => {
    const saved = await run(
      () =>
        call(
          api['replyTemplates.save']({
            outcome: template.outcome,
            language: template.language,
            body: next,
            agent,
          }),
        ),
      () => t('reply.templateSaved'),
    );
    if (saved !== undefined) await onSaved();
  };

  const name = `${t(`outcome.${template.outcome}`)} · ${LANGUAGE_NAMES[template.language as Language]}`;
  return (
    <details className="template-editor">
      <summary>{t('reply.templateTitle', { name })}</summary>
      <p className="muted">
        {template.edited ? (
          <>
            {t('reply.templateEdited', { agent: template.updatedBy })} <When iso={template.updatedAt!} />
          </>
        ) : (
          t('reply.templateDefault')
        )}
      </p>
      <label htmlFor="template-body">{t('reply.templateBody')}</label>
      <textarea
        id="template-body"
        rows={12}
        value={body}
        spellCheck={false}
        onChange={(event) => setBody(event.target.value)}
        aria-invalid={problem !== null}
        aria-describedby="template-help template-problem"
      />
      <p id="template-problem" className="error" role="status">
        {problem}
      </p>
      <p id="template-help" className="muted">
        {t('reply.templateHelp', { section: '{{#name}}…{{/name}}' })}{' '}
        {REPLY_VARIABLES.map((variable) => `{{${variable}}}`).join(' ')}
      </p>
      <div className="reply-tools">
        <button
          type="button"
          disabled={busy || problem !== null || agent === '' || body === template.body}
          onClick={() => void save(body)}
        >
          {t('reply.templateSave')}
        </button>
        <button
          type="button"
          disabled={busy || !template.edited || agent === ''}
          onClick={() => void save(null)}
        >
          {t('reply.templateReset')}
        </button>
      </div>
    </details>
  );
}
