import type { ClauseId } from '../../model/clause-ids';
import type { ExclusionKey } from '../../model/facts';
import type { FactorRow } from '../rtc-usage/conversion';
import { DAY_MS, parseInstant, type Instant } from '../time';
import {
  InvalidPolicyError,
  parseWith,
  PolicyBookSchema,
  PolicyRevisionSchema,
  type PolicyRevisionData,
} from './schema';
import { compileWording, type Wording } from './wording';

/** The clause each exclusion cites: domain vocabulary, the same in every version. */
export const EXCLUSION_CLAUSES: Record<ExclusionKey, ClauseId> = {
  noServiceRequest: 'exclusion.no-service-request',
  infoWithheld: 'exclusion.info-withheld',
  scopeExceeded: 'exclusion.scope-exceeded',
  feedbackOverdue: 'exclusion.feedback-overdue',
  itemLapsed: 'exclusion.item-lapsed',
  legalViolation: 'exclusion.legal-violation',
};

export interface ExclusionRule {
  key: ExclusionKey;
  clause: ClauseId;
  /** Holds only once `silenceMonths` have passed since payment. */
  afterSilence: boolean;
}

/** A revision ready for the rules: durations in milliseconds, instants parsed. */
export interface Policy {
  version: string;
  revision: string;
  inForceFrom: Instant;
  saasGuaranteeMs: number;
  imageSubscriptionMs: number;
  rtcUnsubscribeMs: number;
  silenceMonths: number;
  exclusions: readonly ExclusionRule[];
  /** True when a package is already expired at its expiresAt instant. */
  expiredAtExpiry: boolean;
  /** True when instants compare below the millisecond, as written. */
  writtenPrecision: boolean;
  usage: {
    factors: readonly FactorRow[];
    relayDefaultProfile: string;
    relayDefaultProfileFrom: Instant;
    splitAtBoundaries: boolean;
  };
  /** Clause texts, questions and labels as this revision words them. */
  wording: Wording;
  /** The revision as data, as it was loaded. */
  data: PolicyRevisionData;
}

function compile(data: PolicyRevisionData): Policy {
  return {
    version: data.version,
    revision: data.revision,
    inForceFrom: parseInstant(data.inForceFrom),
    saasGuaranteeMs: data.windows.saasGuaranteeDays * DAY_MS,
    imageSubscriptionMs: data.windows.imageSubscriptionDays * DAY_MS,
    rtcUnsubscribeMs: data.windows.rtcUnsubscribeDays * DAY_MS,
    silenceMonths: data.windows.silenceMonths,
    exclusions: data.exclusions.map(({ fact, afterSilence }) => ({
      key: fact,
      clause: EXCLUSION_CLAUSES[fact],
      afterSilence,
    })),
    expiredAtExpiry: data.packageValidity === 'half-open',
    writtenPrecision: data.instantPrecision === 'written',
    usage: {
      factors: data.usage.factors.map((row) => ({ ...row, quarters: row.factor * 4 })),
      relayDefaultProfile: data.usage.relayDefaultProfile,
      relayDefaultProfileFrom: parseInstant(data.usage.relayDefaultProfileFrom),
      splitAtBoundaries: data.usage.splitAtBoundaries,
    },
    wording: compileWording(data),
    data,
  };
}

/** One revision from untrusted data (a draft file); throws InvalidPolicyError naming the field. */
export function loadPolicy(input: unknown): Policy {
  return compile(parseWith(PolicyRevisionSchema, input, 'policy'));
}

/**
 * The rule book: every revision of every version. A case is judged by the version in force
 * at its payment (at its application when the payment time is unknown), in that version's
 * newest revision.
 */
export class PolicyBook {
  readonly revisions: readonly Policy[];
  /** Per version, its newest revision, earliest in-force instant first. */
  private readonly newestByVersion: readonly Policy[];

  constructor(input: unknown) {
    this.revisions = parseWith(PolicyBookSchema, input, 'book').map(compile);
    const newest = new Map<string, Policy>();
    for (const revision of this.revisions) newest.set(revision.version, revision);
    this.newestByVersion = [...newest.values()].sort((a, b) => a.inForceFrom - b.inForceFrom);
  }

  /** The newest revision of the version in force at the instant (the first version before any). */
  inForceAt(instant: Instant): Policy {
    const versions = this.newestByVersion;
    let found = versions[0]!;
    for (let i = 1; i < versions.length && versions[i]!.inForceFrom <= instant; i++) found = versions[i]!;
    return found;
  }

  /** A revision by its name (`v1`, `v1.1`). */
  revision(name: string): Policy {
    const found = this.find(name);
    if (found === undefined) {
      const known = this.revisions.map((revision) => revision.revision).join(', ');
      throw new InvalidPolicyError('policy', `no revision "${name}"; the rule book has ${known}`);
    }
    return found;
  }

  /** Whether the book judges every case by this revision: the newest of its only version. */
  isChoiceAtEveryInstant(policy: Policy | PolicyBook): boolean {
    return this.newestByVersion.length === 1 && this.newestByVersion[0] === policy;
  }

  find(name: string): Policy | undefined {
    return this.revisions.find((revision) => revision.revision === name);
  }

  /**
   * The wording a decision is read in: that of the revision it was made under (a decision
   * stored before revisions existed names none and reads as v1), the newest for a draft's.
   */
  wordingOf(decision: { policyRevision?: string | undefined }): Wording {
    return (this.find(decision.policyRevision ?? 'v1') ?? this.newest()).wording;
  }

  /** The newest revision of the newest version: the default for a draft's baseline. */
  newest(): Policy {
    return this.newestByVersion[this.newestByVersion.length - 1]!;
  }
}
