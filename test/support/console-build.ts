/** Builds the console bundle (Vite) into dist/console once per test run, from the current sources. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

let built = false;

export function buildConsole(): void {
  if (built) return;
  const root = path.resolve(__dirname, '..', '..');
  execFileSync(
    path.join(root, 'node_modules', '.bin', 'vite'),
    ['build', '--config', 'console/vite.config.mts', '--logLevel', 'error'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  built = true;
}
