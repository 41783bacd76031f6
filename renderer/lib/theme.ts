import type { ThemeChoice } from '../../shared/model/settings';

const DARK = '(prefers-color-scheme: dark)';
let stopFollowing: (() => void) | null = null;

/** The colours the choice means now: the system's for `system`. */
export function resolvedTheme(choice: ThemeChoice, systemDark: boolean): 'light' | 'dark' {
  return choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
}

/**
 * Puts the theme on <html data-theme> (theme.css reads it); for `system`, follows the OS as it
 * switches between light and dark while the console is open.
 */
export function applyTheme(choice: ThemeChoice): void {
  stopFollowing?.();
  stopFollowing = null;
  const media = window.matchMedia(DARK);
  const paint = () => {
    document.documentElement.dataset.theme = resolvedTheme(choice, media.matches);
  };
  paint();
  if (choice === 'system') {
    media.addEventListener('change', paint);
    stopFollowing = () => media.removeEventListener('change', paint);
  }
}
