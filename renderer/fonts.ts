// The console's shipped fonts (shared/fonts/shipped.ts lists them; a test holds this list to
// it): each weight's stylesheet declares its pieces by Unicode range, so the page fetches only
// the pieces its text needs. The build drops their WOFF fallbacks (vite.config.ts).
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/600.css';
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/600.css';
import '@fontsource/noto-sans-arabic/400.css';
import '@infolektuell/noto-color-emoji/index.css';
import '@fontsource/noto-emoji/400.css';
import '@fontsource/noto-sans-mono/400.css';
import '@fontsource/noto-sans-symbols-2/400.css';
