// Advisory lock keys on the team server, one per kind of work that must not interleave.

/** Schema changes, between desktops that run `server init` at the same moment. */
export const SCHEMA_LOCK = 0x52430001;

/**
 * Pushes and claims hold this until they commit, so sequence numbers become visible in order:
 * a puller that has seen seq 41 can never later find a 40 that an overlapping push committed
 * after it read (bigserial hands out numbers at insert time, not at commit), and claims are
 * settled in the order events are numbered in.
 */
export const PUSH_LOCK = 0x52430002;
