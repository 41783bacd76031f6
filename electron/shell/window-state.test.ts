import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GRAB_HEIGHT, GRAB_WIDTH, parseWindowState, placeWindow, type Rect } from './window-state';

const limits = { width: 1440, height: 900, minWidth: 1024, minHeight: 640 };
const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1050 };
const rightMonitor: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };
const state = (bounds: Rect, maximized = false) => ({ bounds, maximized });

describe('reading the saved window state', () => {
  it('reads what was saved', () => {
    const saved = state({ x: 10, y: 20, width: 1200, height: 800 }, true);
    expect(parseWindowState(JSON.stringify(saved))).toEqual(saved);
  });

  it.each([
    null,
    '',
    'not json',
    '{"bounds":{"x":0,"y":0,"width":-5,"height":9},"maximized":false}',
    '{"maximized":true}',
  ])('treats %j as no saved state', (text) => {
    expect(parseWindowState(text)).toBeNull();
  });
});

describe('where the window opens', () => {
  it('opens at the default size, centred on the primary display, the first time', () => {
    expect(placeWindow(null, [laptop], limits)).toEqual(state({ x: 240, y: 75, width: 1440, height: 900 }));
  });

  it('opens where it was left, maximised if it was', () => {
    const saved = state({ x: 2100, y: 100, width: 1600, height: 1000 }, true);
    expect(placeWindow(saved, [laptop, rightMonitor], limits)).toEqual(saved);
  });

  it('comes back to the primary display, centred, when its monitor is gone', () => {
    const saved = state({ x: 2100, y: 100, width: 1600, height: 1000 }, true);
    expect(placeWindow(saved, [laptop], limits)).toEqual(
      state({ x: 160, y: 25, width: 1600, height: 1000 }, true),
    );
  });

  it('is pulled back onto the screen when partly off it', () => {
    const saved = state({ x: 1500, y: 300, width: 1200, height: 800 });
    expect(placeWindow(saved, [laptop], limits)).toEqual(state({ x: 720, y: 250, width: 1200, height: 800 }));
  });

  it('is not left with its title bar above the screen, where it cannot be grabbed', () => {
    const saved = state({ x: 100, y: -30 - GRAB_HEIGHT, width: 1200, height: 800 });
    expect(placeWindow(saved, [laptop], limits).bounds).toMatchObject({ x: 360, y: 125 });
  });

  it('shrinks to a smaller screen than the one it was saved on, never below the minimum the screen allows', () => {
    const small: Rect = { x: 0, y: 0, width: 1280, height: 700 };
    const saved = state({ x: 0, y: 0, width: 2500, height: 1400 });
    expect(placeWindow(saved, [small], limits)).toEqual(state({ x: 0, y: 0, width: 1280, height: 700 }));
    expect(placeWindow(state({ x: 0, y: 0, width: 300, height: 200 }), [small], limits).bounds).toMatchObject(
      {
        width: 1024,
        height: 640,
      },
    );
  });

  it('keeps any saved window grabbable on some screen, whatever the displays', () => {
    const rect = fc.record({
      x: fc.integer({ min: -5000, max: 5000 }),
      y: fc.integer({ min: -5000, max: 5000 }),
      width: fc.integer({ min: 1, max: 5000 }),
      height: fc.integer({ min: 1, max: 5000 }),
    });
    const area = fc.record({
      x: fc.integer({ min: -4000, max: 4000 }),
      y: fc.integer({ min: -4000, max: 4000 }),
      width: fc.integer({ min: 800, max: 4000 }),
      height: fc.integer({ min: 600, max: 3000 }),
    });
    fc.assert(
      fc.property(
        rect,
        fc.array(area, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        (bounds, areas, maximized) => {
          const placed = placeWindow(state(bounds, maximized), areas, limits).bounds;
          const insideOne = areas.some(
            (a) =>
              placed.x >= a.x &&
              placed.y >= a.y &&
              placed.x + Math.min(placed.width, GRAB_WIDTH) <= a.x + a.width &&
              placed.y + Math.min(placed.height, GRAB_HEIGHT) <= a.y + a.height,
          );
          expect(insideOne).toBe(true);
          expect(placed.width).toBeGreaterThan(0);
          expect(placed.height).toBeGreaterThan(0);
        },
      ),
    );
  });
});
