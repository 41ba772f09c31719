import fs from 'node:fs';
import path from 'node:path';

function findProjectRoot(start: string): string {
  // Works both from the TypeScript sources and from the compiled dist/ tree.
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'migrations'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(start, '..');
  }
}

/** The project root: everything local (data, tools) lives below it. */
export const PROJECT_ROOT = findProjectRoot(__dirname);

/** Embedded PostgreSQL data, the Temporal dev server's SQLite file and the generated operator key. */
export const DATA_DIR = path.resolve(process.env.DATA_DIR ?? path.join(PROJECT_ROOT, '.data'));

/** Project-local virtualenv holding the Temporal binaries from PyPI (git-ignored). */
export const TOOLS_DIR = path.resolve(process.env.TOOLS_DIR ?? path.join(PROJECT_ROOT, '.tools'));
