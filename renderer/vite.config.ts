import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Paths are relative to the repository root, where `npm run build` runs. `base: './'` keeps asset
// URLs relative, so the same build works over http (`vdm serve`) and from a file in Electron.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
  },
});
