// Routes as pure data and hash text: no window here, so they are tested without a browser.

export type Route =
  | { name: 'queue' }
  | { name: 'new' }
  | { name: 'settings' }
  | { name: 'policy-changes' }
  | { name: 'dashboard' }
  | { name: 'import' }
  | { name: 'approvals' }
  | { name: 'case' | 'decide' | 'reply'; ref: string };

/** Hash routes (#/case/RC-000001/decide): they work from file:// in Electron and over HTTP. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/');
  if (parts[0] === 'new') return { name: 'new' };
  if (parts[0] === 'settings') return { name: 'settings' };
  if (parts[0] === 'policy-changes') return { name: 'policy-changes' };
  if (parts[0] === 'dashboard') return { name: 'dashboard' };
  if (parts[0] === 'import') return { name: 'import' };
  if (parts[0] === 'approvals') return { name: 'approvals' };
  const ref = parts[0] === 'case' && parts[1] ? decodeRef(parts[1]) : null;
  if (ref !== null) {
    const sub = parts[2];
    return { name: sub === 'decide' || sub === 'reply' ? sub : 'case', ref };
  }
  return { name: 'queue' };
}

/** A hand-typed or pasted hash may hold a broken escape ("%E4"); that is no route, not a crash. */
function decodeRef(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

export function routePath(route: Route): string {
  const ref = 'ref' in route ? encodeURIComponent(route.ref) : '';
  if (route.name === 'case') return `#/case/${ref}`;
  if (route.name === 'decide' || route.name === 'reply') return `#/case/${ref}/${route.name}`;
  return `#/${route.name}`;
}

/** Where Esc goes from each screen. */
export function parentOf(route: Route): Route {
  return route.name === 'decide' || route.name === 'reply'
    ? { name: 'case', ref: route.ref }
    : { name: 'queue' };
}
