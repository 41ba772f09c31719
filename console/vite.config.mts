/**
 * The consoles' bundle: React, built by Vite into dist/console and served by the API at /console.
 * `npm run console:dev` rebuilds on every change (the API serves the fresh files on reload).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  base: '/console/',
  // JSX through Vite's own transform (React 17+ automatic runtime): no plugin needed for a build.
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: path.resolve(here, '..', 'dist', 'console'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      // react-router marks its modules "use client" for server components; a browser bundle ignores it.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
