type Row = Record<string, unknown>;

/** An event as the team server ordered it (see electron/team). */
export interface PulledEvent {
  seq: number;
  id: string;
  desktopId: string;
  caseKey: string;
  kind: string;
  actor: string;
  body: Row;
  pushedBy: string;
  /** For a claim: the server's answer; a refused claim changes nobody's assignee. */
  claim?: { granted: boolean; holder: string } | undefined;
}

export type Applied =
  | { kind: 'own' }
  | { kind: 'duplicate' }
  | { kind: 'rejected'; reason: string }
  /** Of a kind this release does not know: held until an upgrade does (team-held.ts). */
  | { kind: 'held'; eventKind: string }
  | { kind: 'applied'; ref: string; conflicts: number };

export interface ApplyOptions {
  /** Events held or set aside earlier, tried again. */
  again?: boolean;
  /** The kinds this desktop applies (TEAM_EVENT_KINDS; a test names fewer to play an older release). */
  knownKinds?: readonly string[];
}
