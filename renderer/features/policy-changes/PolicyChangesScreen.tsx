import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import { RULE_BOOK } from '../../../shared/policy/versions';
import { api, call } from '../../api/client';
import { ChangeGroup } from './ChangeGroup';

type Answer = ResponseOf<'policy.replay'>;
type Request = RequestOf<'policy.replay'>;

/** The newest revision is the default; older ones can be compared with, a draft tried out. */
const NEWEST = '';
const REVISIONS = RULE_BOOK.revisions.map((policy) => policy.revision);

type Loaded = { state: 'loading' } | { state: 'error'; message: string } | { state: 'done'; answer: Answer };

function useReplay(request: Request): Loaded {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    setLoaded({ state: 'loading' });
    call(api['policy.replay'](request))
      .then((answer) => current && setLoaded({ state: 'done', answer }))
      .catch((error: Error) => current && setLoaded({ state: 'error', message: error.message }));
    return () => {
      current = false;
    };
  }, [request]);
  return loaded;
}

/** A draft file as the lead picked it: its name, and its JSON or why it is not JSON. */
type Draft = { file: string; data: unknown } | { file: string; problem: string };

async function readDraft(file: File): Promise<Draft> {
  try {
    return { file: file.name, data: JSON.parse(await file.text()) as unknown };
  } catch (error) {
    return { file: file.name, problem: (error as Error).message };
  }
}

function Results({ answer }: { answer: Answer }) {
  const { t } = useTranslation();
  const under = `${answer.policy.version}/${answer.policy.revision}`;
  return (
    <>
      <p>{t('policyChanges.summary', { judged: answer.judged, changed: answer.changed, under })}</p>
      {answer.changed === 0 && answer.invalid.length === 0 && (
        <p className="empty">{t('policyChanges.empty', { under })}</p>
      )}
      {answer.groups.map((group, index) => (
        <ChangeGroup key={index} group={group} index={index} />
      ))}
      {answer.invalid.length > 0 && (
        <section aria-labelledby="invalid-title">
          <h2 id="invalid-title">{t('policyChanges.invalid')}</h2>
          <ul>
            {answer.invalid.map((item) => (
              <li key={item.ref}>
                <a href={`#/case/${item.ref}`}>{item.ref}</a> <code>{item.field}</code>: {item.problem}
              </li>
            ))}
          </ul>
        </section>
      )}
      {answer.truncated && <p className="muted">{t('policyChanges.truncated')}</p>}
    </>
  );
}

/** For leads: which open and recently decided cases a revision or a draft would judge otherwise. */
export function PolicyChangesScreen() {
  const { t } = useTranslation();
  const [revision, setRevision] = useState(NEWEST);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [request, setRequest] = useState<Request>({});
  const draftInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (draft !== null && 'data' in draft) setRequest({ draft: draft.data as Request['draft'] });
    else if (draft === null) setRequest(revision === NEWEST ? {} : { revision });
  }, [revision, draft]);
  const loaded = useReplay(request);

  return (
    <section className="policy-changes" aria-labelledby="policy-changes-title">
      <h1 id="policy-changes-title">{t('policyChanges.title')}</h1>
      <p className="hint">{t('policyChanges.intro')}</p>
      <div className="policy-source">
        <label htmlFor="policy-revision">{t('policyChanges.revision')}</label>
        <select
          id="policy-revision"
          value={revision}
          disabled={draft !== null}
          onChange={(e) => setRevision(e.target.value)}
        >
          <option value={NEWEST}>{t('policyChanges.newest')}</option>
          {REVISIONS.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        {/* The browser's own file button speaks the system's language; this label speaks the agent's. */}
        <input
          id="policy-draft"
          className="visually-hidden"
          type="file"
          accept=".json,application/json"
          ref={draftInput}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file !== undefined) void readDraft(file).then(setDraft);
          }}
        />
        <label htmlFor="policy-draft" className="button">
          {t('policyChanges.draft')}
        </label>
        {draft !== null && <span>{t('policyChanges.draftLoaded', { file: draft.file })}</span>}
        {draft !== null && (
          <button
            type="button"
            onClick={() => {
              setDraft(null);
              if (draftInput.current !== null) draftInput.current.value = '';
            }}
          >
            {t('policyChanges.clearDraft')}
          </button>
        )}
      </div>
      {draft !== null && 'problem' in draft ? (
        <p role="alert" className="error">
          {t('policyChanges.notJson', { file: draft.file, problem: draft.problem })}
        </p>
      ) : loaded.state === 'loading' ? (
        <p>{t('policyChanges.loading')}</p>
      ) : loaded.state === 'error' ? (
        <p role="alert" className="error">
          {t('common.error', { message: loaded.message })}
        </p>
      ) : (
        <Results answer={loaded.answer} />
      )}
    </section>
  );
}
