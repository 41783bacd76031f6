// Renders the app icon in every size the packaging targets need from its one source,
// build/icon.svg: build/icon.png (1024, from which electron-builder derives the macOS .icns
// and the Windows .ico) and build/icons/<n>x<n>.png (the Linux hicolor set). The PNGs are
// committed; run this after changing the SVG. Needs rsvg-convert (Debian: librsvg2-bin).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ICON_SIZES, ICON_SOURCE, LINUX_ICON_DIR, MAIN_ICON, MAIN_ICON_SIZE } from './packaging/icons';

const render = (size: number, file: string) => {
  mkdirSync(path.dirname(file), { recursive: true });
  execFileSync('rsvg-convert', ['--width', String(size), '--height', String(size), '-o', file, ICON_SOURCE]);
};

try {
  execFileSync('rsvg-convert', ['--version'], { stdio: 'ignore' });
} catch {
  console.error('render-icons: rsvg-convert is missing. Install it with: apt-get install librsvg2-bin');
  process.exit(1);
}
render(MAIN_ICON_SIZE, MAIN_ICON);
for (const size of ICON_SIZES) render(size, path.join(LINUX_ICON_DIR, `${size}x${size}.png`));
console.log(`render-icons: ${ICON_SIZES.length + 1} PNGs from ${ICON_SOURCE}`);
