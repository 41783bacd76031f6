/**
 * How many package minutes one call minute draws (refund policy §5). Factors are kept as
 * whole quarter-minutes so that conversion stays integer arithmetic (see units.ts).
 */

export const CALL_TYPES = ['audio', 'video'] as const;
export type CallType = (typeof CALL_TYPES)[number];

/** Highest video resolution (frame height in pixels) that packages cover. */
export const MAX_COVERED_RESOLUTION = 1080;

export interface FactorRow {
  type: CallType;
  /** Inclusive upper bound of the frame height this row covers; null for audio. */
  maxResolution: number | null;
  /** Package minutes per call minute, as shown to people. */
  factor: number;
  /** The same factor in quarter-minutes, as used for accounting. */
  quarters: number;
}

const row = (type: CallType, maxResolution: number | null, quarters: number): FactorRow => ({
  type,
  maxResolution,
  factor: quarters / 4,
  quarters,
});

/** Video rows are ordered by resolution: the first whose bound is not exceeded applies. */
export const FACTOR_TABLE: readonly FactorRow[] = [
  row('audio', null, 1),
  row('video', 360, 2),
  row('video', 720, 4),
  row('video', MAX_COVERED_RESOLUTION, 15),
];

/** What the factor depends on: the call type and, for video, the frame height in pixels. */
export type CallKind = { type: 'audio' } | { type: 'video'; resolution: number };

/**
 * The factor row for a call, or null when packages do not cover it (video above 1080p), in
 * which case the whole call is billed pay-as-you-go.
 */
export function factorFor(call: CallKind, table: readonly FactorRow[] = FACTOR_TABLE): FactorRow | null {
  return (
    table.find((candidate) =>
      call.type === 'audio'
        ? candidate.type === 'audio'
        : candidate.type === 'video' &&
          candidate.maxResolution !== null &&
          call.resolution <= candidate.maxResolution,
    ) ?? null
  );
}
