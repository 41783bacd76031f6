import { create } from 'zustand';

export type Route =
  | { name: 'queue' }
  | { name: 'new' }
  | { name: 'settings' }
  | { name: 'case' | 'decide' | 'reply'; ref: string };

/** Hash routes (#/case/RC-000001/decide): they work from file:// in Electron and over HTTP. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/');
  if (parts[0] === 'new') return { name: 'new' };
  if (parts[0] === 'settings') return { name: 'settings' };
  if (parts[0] === 'case' && parts[1]) {
    const sub = parts[2];
    return { name: sub === 'decide' || sub === 'reply' ? sub : 'case', ref: decodeURIComponent(parts[1]) };
  }
  return { name: 'queue' };
}

export function routePath(route: Route): string {
  if (route.name === 'case') return `#/case/${route.ref}`;
  if (route.name === 'decide' || route.name === 'reply') return `#/case/${route.ref}/${route.name}`;
  return `#/${route.name}`;
}

/** Where Esc goes from each screen. */
export function parentOf(route: Route): Route {
  return route.name === 'decide' || route.name === 'reply'
    ? { name: 'case', ref: route.ref }
    : { name: 'queue' };
}

interface RouteState {
  route: Route;
  go(route: Route): void;
}

// Screens with unsaved typing register a flush here; it runs before every route change.
const beforeLeave = new Set<() => void>();
export function onBeforeLeave(flush: () => void): () => void {
  beforeLeave.add(flush);
  return () => beforeLeave.delete(flush);
}

export const useRoute = create<RouteState>(() => ({
  route: parseRoute(location.hash),
  go: (route) => {
    location.hash = routePath(route);
  },
}));

window.addEventListener('hashchange', () => {
  for (const flush of beforeLeave) flush();
  useRoute.setState({ route: parseRoute(location.hash) });
});
