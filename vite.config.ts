import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// base './' so Electron can load the build from file:// as well as the host over HTTP.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  // One chunk is intended (an offline desktop app); the budget is checked by bench:console.
  build: { outDir: '../out/renderer', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 800 },
});
