import { isIP } from 'node:net';
import { TeamServerAddressError } from './errors';

export interface TeamServerAddress {
  /** The URL without TLS parameters: TLS is set by `ssl`, never by what the URL happens to say. */
  connectionString: string;
  /** false only for a server on this machine; otherwise verify the server's certificate. */
  ssl: false | { rejectUnauthorized: true };
  /** For messages and logs: the URL with its password masked. */
  display: string;
}

const LOOPBACK_NAMES = new Set(['localhost', 'localhost.localdomain']);

/** A host on this machine, where no network carries the connection. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (LOOPBACK_NAMES.has(bare)) return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1' || bare === '0:0:0:0:0:0:0:1';
  return false;
}

const TLS_PARAMETERS = ['sslmode', 'ssl', 'sslcert', 'sslkey', 'sslrootcert', 'sslcrl', 'uselibpqcompat'];
const NO_TLS = new Set(['disable', 'allow', 'prefer']);

/**
 * Reads a team server URL (`postgres://agent:secret@host:5432/refund_team`). Credentials and
 * case data cross the network only inside verified TLS: a remote host gets certificate
 * checking whatever the URL asks, and a URL that asks for less (`sslmode=disable`) is refused
 * rather than silently upgraded, so the administrator learns their setting is not honoured.
 */
export function readTeamServerAddress(url: string): TeamServerAddress {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TeamServerAddressError(
      'The team server address is not a URL (postgres://user@host:port/database).',
    );
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new TeamServerAddressError(
      `The team server address must start with postgres://, not ${parsed.protocol}//.`,
    );
  }
  if (parsed.hostname === '') {
    throw new TeamServerAddressError('The team server address names no host.');
  }
  const loopback = isLoopbackHost(parsed.hostname);
  const mode = parsed.searchParams.get('sslmode');
  if (!loopback && mode !== null && NO_TLS.has(mode)) {
    throw new TeamServerAddressError(
      `sslmode=${mode} would let ${parsed.hostname} be reached without TLS; only a server on this machine may be.`,
    );
  }
  for (const name of TLS_PARAMETERS) parsed.searchParams.delete(name);
  const display = new URL(parsed.href);
  if (display.password !== '') display.password = '***';
  return {
    connectionString: parsed.href,
    ssl: loopback ? false : { rejectUnauthorized: true },
    display: display.href,
  };
}
