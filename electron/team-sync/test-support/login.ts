import type { CredentialKeeper } from '../credentials';

/** The cluster's URL split as Settings keeps it: the address, and the login with its password. */
export function splitUrl(url: string) {
  const parsed = new URL(url);
  const credentials = {
    login: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
  };
  parsed.username = '';
  parsed.password = '';
  return { address: parsed.href, credentials };
}

export const keeperOf = (credentials: { login: string; password: string } | null): CredentialKeeper => ({
  read: () => credentials,
  save: () => undefined,
  forget: () => undefined,
});
