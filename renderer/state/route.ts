import { create } from 'zustand';
import { parseRoute, routePath, type Route } from './route-path';

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
