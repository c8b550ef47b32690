/**
 * Vite configuration of Brink's web app. The engine (`@brink/engine`) is TypeScript source resolved
 * through the workspace; the app reads the repository's `scenarios/` and `sources/` only as an
 * offline fallback when the HTTP API is not there (dev server, `vite preview`).
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const apiTarget = process.env.BRINK_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  server: {
    fs: { allow: [repoRoot] },
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  // `vite preview` proxies the API only when asked (BRINK_API); without it the app uses its bundled copy.
  preview: { proxy: process.env.BRINK_API ? { '/api': { target: apiTarget } } : {} },
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    sourcemap: false,
  },
});
