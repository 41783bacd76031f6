import { z } from 'zod';
import {
  AuditEntrySchema,
  CASE_STATUSES,
  CaseFieldsSchema,
  CaseChangeSchema,
  CaseDetailSchema,
  CaseRefSchema,
  CaseSummarySchema,
  NewCaseSchema,
} from '../model/case';
import { OUTCOMES } from '../model/decision';
import { FactsSchema } from '../model/facts';
import { LANGUAGES } from '../model/languages';
import { REASON_MIN } from '../model/reasons';
import { QueueQuerySchema, SavedViewSchema, ViewQuerySchema } from '../model/queue';
import { ReplyTemplateBodySchema, ReplyTemplateSchema } from '../model/reply-templates';
import { BackupInfoSchema, SettingsPatchSchema, SettingsViewSchema } from '../model/settings';
import { readUsageExport } from '../policy/usage-facts';
import { REPLAY_CAUSES } from '../policy/replay';
import { PolicyRevisionSchema } from '../policy/versions';
import { dashboardMethods } from './contract-dashboard';
import { approvalsApi } from './contract-approvals';
import { teamMethods } from './contract-team';
import { dataIoMethods } from './contract-data-io';
import { messageMethods } from './contract-messages';
import { agentName, method } from './method';

const ref = z.strictObject({ ref: CaseRefSchema });
/**
 * The case revision the agent saw (CaseSummary.revision). A write made on another one is
 * refused with `conflict`: the app, the CLI and the host can all change the same store.
 */
const revision = z.number().int().min(1);

/**
 * Every change to a case answers the same shape: the case as it now stands and the audit rows
 * the change appended.
 */
const change = CaseChangeSchema;

const decisionGist = z.object({
  outcome: z.enum(OUTCOMES),
  refundAmount: z.number().int().nullable(),
  currency: z.string(),
  clauses: z.array(z.string()),
  policyVersion: z.string(),
  policyRevision: z.string(),
});

/**
 * Where a paged replay goes on: opaque to clients, who pass back the `next` they were given.
 * It pins what the first page settled (the cases' id range, the settled-since instant), so a
 * replay judges the same set of cases however long it runs between pages.
 */
export const ReplayPageTokenSchema = z
  .string()
  .regex(/^\d{1,15}:\d{1,15}:-?\d{1,15}$/, { error: 'is not a page token this console gave out' });

/** A usage export as pasted: JSON the usage explainer reads (shared/policy/rtc-usage). */
const usageExportText = z
  .string()
  .max(5_000_000)
  .superRefine((text, ctx) => {
    const read = readUsageExport(text);
    if (!read.ok) ctx.addIssue({ code: 'custom', message: `is not a usage export: ${read.problem}` });
  });

const usageExport = z.object({
  text: z.string().nullable(),
  savedAt: z.string().nullable(),
  savedBy: z.string().nullable(),
});

const policyReplayRequest = z
  .strictObject({
    /** A revision of the rule book by name (v1, v1.1); with neither this nor a draft, the newest. */
    revision: z.string().min(1).max(40).optional(),
    /** A what-if draft revision, as its JSON file holds it: replayed, never put in force. */
    draft: PolicyRevisionSchema.optional(),
    /** Decided and closed cases last changed before this are left out; open ones always count. */
    since: z.iso.datetime({ offset: true }).optional(),
    /**
     * The most cases this page lists over all its groups; the counts still cover every case.
     * A client merging pages passes what is left of its own limit (mergeReplayPages).
     */
    limit: z.number().int().min(0).max(1000).default(200),
    /** The `next` token of the previous page; absent for the first. */
    page: ReplayPageTokenSchema.optional(),
    /** The most cases one call judges, so that no call holds the main process for long. */
    pageSize: z.number().int().min(1).max(50_000).default(10_000),
  })
  .refine((request) => request.revision === undefined || request.draft === undefined, {
    error: 'give a revision or a draft, not both',
  });

/** One kind of change: the cases whose outcome moved alike and whose clauses came and went alike. */
const policyChangeGroup = z.object({
  from: z.enum(OUTCOMES),
  to: z.enum(OUTCOMES),
  amountChanged: z.boolean(),
  clausesAdded: z.array(z.string()),
  clausesRemoved: z.array(z.string()),
  /** Facts changed since the decision, the revision judges otherwise, or both. */
  cause: z.enum(REPLAY_CAUSES),
  /** Every case of the group, listed or not. */
  total: z.number().int(),
  cases: z.array(
    z.object({
      ref: CaseRefSchema,
      status: z.enum(CASE_STATUSES),
      before: decisionGist,
      after: decisionGist,
    }),
  ),
});

/**
 * The one API between the console and its store: method name → request schema → response
 * schema. Both transports (Electron IPC and loopback HTTP) carry exactly this table, and
 * every handler parses its payload with the request schema before acting.
 */
export const api = {
  'cases.create': method(NewCaseSchema, change),
  'cases.get': method(ref, CaseDetailSchema),
  'cases.list': method(
    QueueQuerySchema,
    z.object({ items: z.array(CaseSummarySchema), next: z.string().nullable(), total: z.number().int() }),
  ),
  'cases.search': method(
    z.strictObject({
      query: z.string().trim().min(1).max(200),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    z.object({ items: z.array(CaseSummarySchema) }),
  ),
  'cases.updateFacts': method(
    z.strictObject({
      ref: CaseRefSchema,
      revision,
      facts: FactsSchema,
      agent: agentName,
      /** The customer's message (messages.list) the agent accepted these facts from. */
      source: z.strictObject({ message: z.number().int().min(1) }).optional(),
    }),
    change,
  ),
  'cases.updateFields': method(
    z.strictObject({ ref: CaseRefSchema, revision, fields: CaseFieldsSchema, agent: agentName }),
    change,
  ),
  /** Closing is any move to `closed`; leaving decided or closed for open work needs a reason. */
  'cases.setStatus': method(
    z.strictObject({
      ref: CaseRefSchema,
      revision,
      status: z.enum(CASE_STATUSES),
      agent: agentName,
      reason: z.string().trim().min(REASON_MIN.reopen).max(2000).optional(),
    }),
    change,
  ),
  /** To an agent, or with null back to nobody. */
  'cases.assign': method(
    z.strictObject({ ref: CaseRefSchema, revision, assignee: agentName.nullable(), agent: agentName }),
    change,
  ),
  /** The open unassigned case whose window closes first, assigned to `agent`; null when none is left. */
  'cases.claimNext': method(z.strictObject({ agent: agentName }), change.nullable()),
  /** The other cases of the same customer account, newest first. */
  'cases.accountHistory': method(ref, z.object({ items: z.array(CaseSummarySchema) })),
  /** Every case opened for an order id: a second case for one is a likely duplicate. */
  'cases.byOrder': method(
    z.strictObject({ orderId: z.string().trim().min(1).max(100) }),
    z.object({ items: z.array(CaseSummarySchema) }),
  ),
  'decisions.record': method(
    z.strictObject({
      ref: CaseRefSchema,
      revision,
      /**
       * The decision the live panel showed. The store decides again at its own clock and
       * refuses with `conflict` (saying what differs) rather than record one the agent never saw.
       */
      seen: z.strictObject({
        outcome: z.enum(OUTCOMES),
        refundAmount: z.number().int().nonnegative().nullable(),
      }),
      agent: agentName,
      note: z.string().max(4000).optional(),
      override: z
        .strictObject({
          outcome: z.enum(OUTCOMES),
          justification: z
            .string()
            .trim()
            .min(REASON_MIN.override, {
              error: `must explain the override in at least ${REASON_MIN.override} characters`,
            })
            .max(4000),
          /**
           * The cash the override refunds, minor units of the case's currency: for a refund at
           * most the cash paid (the default when absent), for a refusal or needs-info 0.
           */
          amount: z.number().int().nonnegative().optional(),
        })
        .optional(),
      /** A refund recorded on another case of the same order is refused without this. */
      duplicateRefund: z
        .strictObject({
          justification: z
            .string()
            .trim()
            .min(REASON_MIN.duplicateRefund, {
              error: `must say in at least ${REASON_MIN.duplicateRefund} characters why the order is refunded again`,
            })
            .max(4000),
        })
        .optional(),
    }),
    change,
  ),
  'notes.add': method(
    z.strictObject({ ref: CaseRefSchema, author: agentName, body: z.string().trim().min(1).max(10_000) }),
    change,
  ),
  'drafts.get': method(
    z.strictObject({ ref: CaseRefSchema, language: z.enum(LANGUAGES) }),
    z.object({ body: z.string().nullable(), savedAt: z.string().nullable() }),
  ),
  'drafts.save': method(
    z.strictObject({ ref: CaseRefSchema, language: z.enum(LANGUAGES), body: z.string().max(50_000) }),
    z.object({ savedAt: z.string() }),
  ),
  /** The reply as the agent sent it from their own tool: who, when and what go in the audit trail. */
  'replies.markSent': method(
    z.strictObject({
      ref: CaseRefSchema,
      /** The reply was written for the case at this revision; another is refused. */
      revision,
      language: z.enum(LANGUAGES),
      body: z.string().trim().min(1, { error: 'must not be empty' }).max(50_000),
      agent: agentName,
    }),
    change,
  ),
  /** Every outcome × language: the team's template where one was saved, else the console's own. */
  'replyTemplates.list': method(z.strictObject({}), z.object({ items: z.array(ReplyTemplateSchema) })),
  /** Saves the team's wording for one outcome and language; a null body goes back to the console's. */
  'replyTemplates.save': method(
    z.strictObject({
      outcome: z.enum(OUTCOMES),
      language: z.enum(LANGUAGES),
      body: ReplyTemplateBodySchema.nullable(),
      agent: agentName,
    }),
    ReplyTemplateSchema,
  ),
  /** The usage export kept with a communication package case, for its explainer. */
  'usage.get': method(ref, usageExport),
  /** Keeps a usage export with the case (replacing the one before), audited. */
  'usage.save': method(
    z.strictObject({ ref: CaseRefSchema, text: usageExportText, agent: agentName }),
    usageExport,
  ),
  'audit.list': method(ref, z.object({ items: z.array(AuditEntrySchema) })),
  'audit.verify': method(
    z.strictObject({}),
    z.object({
      ok: z.boolean(),
      rows: z.number().int(),
      firstBadSeq: z.number().int().nullable(),
      /** Every finding (damage, edited or missing rows, rollbacks, future dates), worded for people. */
      problems: z.array(z.string()),
    }),
  ),
  'views.list': method(z.strictObject({}), z.object({ items: z.array(SavedViewSchema) })),
  'views.save': method(
    z.strictObject({ name: z.string().trim().min(1).max(60), query: ViewQuerySchema, agent: agentName }),
    z.object({ items: z.array(SavedViewSchema) }),
  ),
  'views.delete': method(
    z.strictObject({ name: z.string().trim().min(1).max(60), agent: agentName }),
    z.object({ items: z.array(SavedViewSchema) }),
  ),
  'settings.get': method(z.strictObject({}), SettingsViewSchema),
  'settings.set': method(SettingsPatchSchema, SettingsViewSchema),
  'backups.list': method(z.strictObject({}), z.object({ items: z.array(BackupInfoSchema) })),
  'backups.create': method(z.strictObject({}), BackupInfoSchema),
  /** Only a file from backups.list: the console never reads a database from anywhere else. */
  'backups.restore': method(
    z.strictObject({ file: z.string().min(1), agent: agentName }),
    z.object({ restored: z.string(), replacedFileKeptAs: z.string() }),
  ),
  /** Whether the store opened damaged (writes refused) and the backup to restore from. */
  'store.status': method(
    z.strictObject({}),
    z.object({
      damaged: z.boolean(),
      problem: z.string().nullable(),
      newestGoodBackup: z.string().nullable(),
    }),
  ),
  /**
   * Judges the open and recently decided cases again under a revision or a draft and groups
   * those that would change, one page of cases per call (counts and groups are the page's:
   * mergeReplayPages adds pages up). Read-only: no recorded decision is rewritten.
   */
  'policy.replay': method(
    policyReplayRequest,
    z.object({
      policy: z.object({ version: z.string(), revision: z.string(), draft: z.boolean() }),
      judged: z.number().int(),
      changed: z.number().int(),
      groups: z.array(policyChangeGroup),
      /** Cases whose stored facts today's checks refuse: they cannot be judged again. */
      invalid: z.array(z.object({ ref: CaseRefSchema, field: z.string(), problem: z.string() })),
      /** Whether some changed or invalid cases were left out of the lists by the limit. */
      truncated: z.boolean(),
      /** The token of the page after this one; null when every case has been judged. */
      next: ReplayPageTokenSchema.nullable(),
      /** How far through the cases the replay is, 0 to 1 (1 on the last page). */
      progress: z.number().min(0).max(1),
    }),
  ),
  ...dataIoMethods,
  ...teamMethods,
  ...dashboardMethods,
  ...approvalsApi,
  ...messageMethods,
} as const;

export type Api = typeof api;
export type MethodName = keyof Api;
export type RequestOf<M extends MethodName> = z.input<Api[M]['request']>;
export type ParsedRequestOf<M extends MethodName> = z.output<Api[M]['request']>;
export type ResponseOf<M extends MethodName> = z.output<Api[M]['response']>;

export const ERROR_CODES = [
  'invalid_request',
  'not_found',
  'conflict',
  'store_unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Errors cross the boundary as values, never as thrown strings. */
export type ApiResult<T> =
  { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };

export const ApiErrorSchema = z.object({ code: z.enum(ERROR_CODES), message: z.string() });

export const METHOD_NAMES = Object.keys(api) as MethodName[];
export const isMethodName = (name: string): name is MethodName => Object.hasOwn(api, name);

/** What the renderer holds: one async function per method, whatever the transport. */
export type ApiClient = { [M in MethodName]: (request: RequestOf<M>) => Promise<ApiResult<ResponseOf<M>>> };

/** A transport moves one call; the client is built on it. */
export type Transport = (method: MethodName, request: unknown) => Promise<ApiResult<unknown>>;

export function createClient(transport: Transport): ApiClient {
  return Object.fromEntries(
    METHOD_NAMES.map((name) => [name, (request: unknown) => transport(name, request)]),
  ) as ApiClient;
}
