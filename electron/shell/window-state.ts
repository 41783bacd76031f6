import { z } from 'zod';

/**
 * Where the console window opens: where it was left, as long as that is still on a screen.
 * Pure arithmetic on rectangles, so it is tested without Electron; window.ts reads the
 * displays' work areas and saves the state on close.
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const RectSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});

const WindowStateSchema = z.object({ bounds: RectSchema, maximized: z.boolean() });
export type WindowState = z.infer<typeof WindowStateSchema>;

/** The saved state, or null when there is none or it is not one (a hand-edited or damaged file). */
export function parseWindowState(text: string | null): WindowState | null {
  if (text === null) return null;
  try {
    const parsed = WindowStateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export interface WindowLimits {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
}

/** How much of the title bar must be on a screen for the user to grab the window. */
export const GRAB_WIDTH = 120;
export const GRAB_HEIGHT = 40;

const overlap = (a: Rect, b: Rect) => {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
};

/** The window's top strip, where the title bar is. */
const titleBar = (bounds: Rect): Rect => ({ ...bounds, height: Math.min(bounds.height, GRAB_HEIGHT) });

const clamp = (value: number, low: number, high: number) =>
  Math.min(Math.max(value, low), Math.max(low, high));

/** A size no smaller than the limits and no larger than the work area. */
function fit(width: number, height: number, area: Rect, limits: WindowLimits) {
  return {
    width: clamp(width, Math.min(limits.minWidth, area.width), area.width),
    height: clamp(height, Math.min(limits.minHeight, area.height), area.height),
  };
}

const centred = (size: { width: number; height: number }, area: Rect): Rect => ({
  ...size,
  x: area.x + Math.round((area.width - size.width) / 2),
  y: area.y + Math.round((area.height - size.height) / 2),
});

/**
 * The bounds and maximised state to open with. `workAreas` are the connected displays' work
 * areas, the primary first. A saved window whose title bar no longer reaches any screen (its
 * monitor was unplugged) is centred on the primary display; one that is partly off a screen
 * is pulled back onto the screen it is mostly on; any window is shrunk to fit its screen.
 */
export function placeWindow(saved: WindowState | null, workAreas: Rect[], limits: WindowLimits): WindowState {
  const primary = workAreas[0];
  if (primary === undefined) throw new Error('placeWindow needs at least one display');
  if (saved === null) {
    return { bounds: centred(fit(limits.width, limits.height, primary, limits), primary), maximized: false };
  }
  const grabbable = workAreas.filter((area) => {
    const seen = overlap(titleBar(saved.bounds), area);
    return seen.width >= GRAB_WIDTH && seen.height >= Math.min(GRAB_HEIGHT, saved.bounds.height);
  });
  const byVisibleArea = (area: Rect) => {
    const seen = overlap(saved.bounds, area);
    return seen.width * seen.height;
  };
  const home = grabbable.sort((a, b) => byVisibleArea(b) - byVisibleArea(a))[0];
  if (home === undefined) {
    return {
      bounds: centred(fit(saved.bounds.width, saved.bounds.height, primary, limits), primary),
      maximized: saved.maximized,
    };
  }
  const size = fit(saved.bounds.width, saved.bounds.height, home, limits);
  return {
    bounds: {
      ...size,
      x: clamp(saved.bounds.x, home.x, home.x + home.width - size.width),
      y: clamp(saved.bounds.y, home.y, home.y + home.height - size.height),
    },
    maximized: saved.maximized,
  };
}
