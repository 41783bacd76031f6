import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import { listedCases, mergeReplayPages } from '../../../shared/ipc/replay-pages';
import { RULE_BOOK } from '../../../shared/policy/versions';
import { api, call } from '../../api/client';
import { ChangeGroup } from './ChangeGroup';

type Answer = ResponseOf<'policy.replay'>;
type Request = RequestOf<'policy.replay'>;

/** The newest revision is the default; older ones can be compared with, a draft tried out. */
const NEWEST = '';
const REVISIONS = RULE_BOOK.revisions.map((policy) => policy.revision);
/** The most cases the screen lists over every page. */
const LIMIT = 200;

type Loaded =
  | { state: 'loading'; sofar: Answer | null }
  | { state: 'error'; message: string }
  | { state: 'stopped'; answer: Answer | null }
  | { state: 'done'; answer: Answer };

/**
 * Asks for the replay a page at a time (each call judges a bounded number of cases, so the
 * app stays responsive on a large store), showing how far it got; `stop` ends it between
 * pages and keeps what the pages so far found.
 */
function useReplay(request: Request): { loaded: Loaded; stop: () => void } {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading', sofar: null });
  const stopRef = useRef<() => void>(() => {});
  useEffect(() => {
    let current = true;
    let sofar: Answer | null = null;
    setLoaded({ state: 'loading', sofar });
    stopRef.current = () => {
      if (!current) return;
      current = false;
      setLoaded({ state: 'stopped', answer: sofar });
    };
    void (async () => {
      let page: string | undefined;
      do {
        const limit = LIMIT - (sofar === null ? 0 : listedCases(sofar));
        const answer = await call(api['policy.replay']({ ...request, limit, page }));
        if (!current) return;
        sofar = mergeReplayPages(sofar, answer);
        page = answer.next ?? undefined;
        setLoaded(page === undefined ? { state: 'done', answer: sofar } : { state: 'loading', sofar });
      } while (page !== undefined);
    })().catch((error: Error) => current && setLoaded({ state: 'error', message: error.message }));
    return () => {
      current = false;
    };
  }, [request]);
  return { loaded, stop: () => stopRef.current() };
}

function Progress({ sofar, onStop }: { sofar: Answer | null; onStop: () => void }) {
  const { t } = useTranslation();
  const share = sofar?.progress ?? 0;
  return (
    <div className="replay-progress">
      <label htmlFor="replay-progress">
        {t('policyChanges.loading')} {t('policyChanges.judgedSoFar', { count: sofar?.judged ?? 0 })}
      </label>{' '}
      <progress id="replay-progress" max={1} value={share}>
        {Math.round(share * 100)}%
      </progress>{' '}
      <button type="button" onClick={onStop}>
        {t('policyChanges.stop')}
      </button>
    </div>
  );
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
        <ChangeGroup key={index} group={group} index={index} under={under} />
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
  const { loaded, stop } = useReplay(request);

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
        <Progress sofar={loaded.sofar} onStop={stop} />
      ) : loaded.state === 'error' ? (
        <p role="alert" className="error">
          {t('common.error', { message: loaded.message })}
        </p>
      ) : loaded.state === 'stopped' ? (
        <>
          <p role="status">{t('policyChanges.stopped', { count: loaded.answer?.judged ?? 0 })}</p>
          {loaded.answer !== null && <Results answer={loaded.answer} />}
        </>
      ) : (
        <Results answer={loaded.answer} />
      )}
    </section>
  );
}
