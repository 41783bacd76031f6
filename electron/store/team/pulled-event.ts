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
  | { kind: 'applied'; ref: string; conflicts: number };
