// The team's own server roles and the error code its functions refuse an event with.

/**
 * The group roles of the team whose database is `database`. Prefixed with the database's name
 * because PostgreSQL's roles are cluster-wide: two teams sharing a cluster must not share them,
 * or a member of one could connect to and write the other (CONNECT is granted to these only).
 */
export interface TeamRoles {
  /** Every member: may connect, read the log and call the team's functions. */
  agent: string;
  /** Leads (also agents): may answer approval requests. */
  lead: string;
  /** Administrators: set approval thresholds. The login that runs `server init` is one. */
  admin: string;
}

// 63 is PostgreSQL's identifier limit; a longer name would be cut silently and could collide.
const LONGEST_SUFFIX = '_admin'.length;

export function teamRoles(database: string): TeamRoles {
  if (database.length + LONGEST_SUFFIX > 63) {
    throw new Error(
      `The team database's name is too long for its roles (at most ${63 - LONGEST_SUFFIX} characters).`,
    );
  }
  return { agent: `${database}_agent`, lead: `${database}_lead`, admin: `${database}_admin` };
}

/**
 * SQLSTATE of an event the server refuses for what it says (not for a fault): the desktop parks
 * that event with the message and pushes the rest. The event's id is the error's DETAIL.
 */
export const EVENT_REFUSED = 'RC403';
