/** Finding the Temporal binaries: explicit path → PATH → project venv → SDK download, or one clear error. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

type Module = typeof import('../../platform/temporal-binaries');

/** A fresh copy of the module, whose paths are read from the environment when it loads. */
function load(env: Record<string, string | undefined>): Module {
  let mod!: Module;
  withEnv(env, () => {
    jest.isolateModules(() => {
      mod = jest.requireActual<Module>('../../platform/temporal-binaries');
    });
  });
  return mod;
}

function setEnv(vars: Record<string, string | undefined>): void {
  for (const [k, x] of Object.entries(vars)) {
    if (x === undefined) delete process.env[k];
    else process.env[k] = x;
  }
}

/** Runs `fn` with these variables set (undefined: unset), then puts the environment back as it was. */
function withEnv<T>(vars: Record<string, string | undefined>, fn: () => T): T {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  setEnv(vars);
  try {
    return fn();
  } finally {
    setEnv(saved);
  }
}

describe('Temporal binaries', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizmsg-bin-'));
  const fake = path.join(dir, 'temporal');
  fs.writeFileSync(fake, '#!/bin/sh\n', { mode: 0o755 });
  const noVenv = path.join(dir, 'no-venv');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('uses TEMPORAL_CLI_PATH first', () => {
    const { resolveTemporalExecutable } = load({});
    const r = withEnv({ TEMPORAL_CLI_PATH: fake }, () =>
      resolveTemporalExecutable('dev-server', { install: false, allowDownload: false }),
    );
    expect(r).toMatchObject({ executable: { type: 'existing-path', path: fake }, source: `TEMPORAL_CLI_PATH=${fake}` });
  });

  it('finds `temporal` on PATH', () => {
    const { resolveTemporalExecutable } = load({});
    const r = withEnv({ TEMPORAL_CLI_PATH: undefined, PATH: dir }, () =>
      resolveTemporalExecutable('dev-server', { install: false, allowDownload: false }),
    );
    expect(r.source).toContain('on PATH');
  });

  it('when everything fails, one error lists every place it tried', () => {
    const { resolveTemporalExecutable, TemporalBinaryNotFound } = load({ TOOLS_DIR: noVenv });
    const attempt = () =>
      withEnv({ PATH: '', TEMPORAL_TEST_SERVER_PATH: path.join(dir, 'missing') }, () =>
        resolveTemporalExecutable('time-skipping', { install: false, allowDownload: false }),
      );
    expect(attempt).toThrow(TemporalBinaryNotFound);
    expect(attempt).toThrow(/TEMPORAL_TEST_SERVER_PATH=.*missing: not an executable file/);
    expect(attempt).toThrow(/`temporal-test-server` on PATH: not found/);
    expect(attempt).toThrow(/no-venv\/bin\/temporal-test-server: not installed/);
  });

  it('falls back to the SDK download last, saying so', () => {
    const { resolveTemporalExecutable } = load({ TOOLS_DIR: noVenv });
    const r = withEnv({ PATH: '', TEMPORAL_CLI_PATH: undefined }, () =>
      resolveTemporalExecutable('dev-server', { install: false }),
    );
    expect(r.executable).toEqual({ type: 'cached-download' });
    expect(r.tried.at(-1)).toMatch(/SDK download/);
  });
});
