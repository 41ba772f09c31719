/** Configuration (SPEC §9): production refuses public development secrets and leaves the simulator off. */
import { spawnSync } from 'node:child_process';
import { DEVELOPMENT_SECRETS, loadConfig } from '../../platform/config';
import { PROJECT_ROOT } from '../../platform/paths';

const SECRETS = {
  OPERATOR_API_KEY: 'bmo_a1b2c3d4e5f6a7b8c9d0e1f2',
  PROVIDER_REPORT_SECRET: 'f3a9c1e7b5d24680a1b2c3d4e5f60718',
  SESSION_SECRET: '7c1e9a5b3d2f40e68a1b2c3d4e5f60718293a4b5',
};

const refusal = (env: NodeJS.ProcessEnv): string => {
  try {
    loadConfig(env);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('the configuration was accepted');
};

describe('production settings', () => {
  it('refuses to start without secrets, naming every one in one message', () => {
    const message = refusal({ NODE_ENV: 'production' });
    expect(message).toContain('OPERATOR_API_KEY (unset)');
    expect(message).toContain('PROVIDER_REPORT_SECRET (unset)');
    expect(message).toContain('SESSION_SECRET (unset)');
  });

  it.each(Object.entries(DEVELOPMENT_SECRETS))('refuses the development value of %s', (name, values) => {
    const message = refusal({ NODE_ENV: 'production', ...SECRETS, [name]: values[0] });
    expect(message).toContain(`${name} (the development default)`);
    for (const other of Object.keys(SECRETS).filter((n) => n !== name)) expect(message).not.toContain(other);
  });

  it('starts with its own secrets, the simulator off unless SIMULATOR asks for it', () => {
    const config = loadConfig({ NODE_ENV: 'production', ...SECRETS });
    expect(config.providers.reportSecret).toBe(SECRETS.PROVIDER_REPORT_SECRET);
    expect(config.console.sessionSecret).toBe(SECRETS.SESSION_SECRET);
    expect(config.simulator.enabled).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', ...SECRETS, SIMULATOR: 'on' }).simulator.enabled).toBe(true);
  });

  it('refuses webhooks to private addresses unless WEBHOOK_PRIVATE_ADDRESSES allows them; development allows them', () => {
    expect(loadConfig({ NODE_ENV: 'production', ...SECRETS }).webhooks.allowPrivateAddresses).toBe(false);
    const allowing = { NODE_ENV: 'production', ...SECRETS, WEBHOOK_PRIVATE_ADDRESSES: 'allow' };
    expect(loadConfig(allowing).webhooks.allowPrivateAddresses).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development' }).webhooks.allowPrivateAddresses).toBe(true);
    expect(loadConfig({ WEBHOOK_PRIVATE_ADDRESSES: 'refuse' }).webhooks.allowPrivateAddresses).toBe(false);
  });

  it('development keeps its defaults and the simulator', () => {
    const config = loadConfig({ NODE_ENV: 'development' });
    expect(config.providers.reportSecret).toBe(DEVELOPMENT_SECRETS.PROVIDER_REPORT_SECRET[0]);
    expect(config.simulator.enabled).toBe(true);
    expect(config.metricsAddress).toBeUndefined();
    expect(loadConfig({ METRICS_ADDRESS: '10.0.0.5:9464' }).metricsAddress).toEqual({ host: '10.0.0.5', port: 9464 });
    expect(loadConfig({ METRICS_ADDRESS: '[::1]:9464' }).metricsAddress).toEqual({ host: '::1', port: 9464 });
  });

  it('retention periods: 180 days and a year by default, 0 keeps, anything else is refused', () => {
    expect(loadConfig({}).retention).toEqual({ messagesMs: 180 * 86_400_000, proofDocumentsMs: 365 * 86_400_000 });
    expect(loadConfig({ MESSAGE_RETENTION: '0', PROOF_DOCUMENT_RETENTION: '1825d' }).retention).toEqual({
      messagesMs: 0,
      proofDocumentsMs: 1825 * 86_400_000,
    });
    expect(() => loadConfig({ MESSAGE_RETENTION: 'forever' })).toThrow(/MESSAGE_RETENTION/);
  });

  it('`NODE_ENV=production npm start` without secrets exits non-zero and names PROVIDER_REPORT_SECRET', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
    for (const name of Object.keys(SECRETS)) delete env[name];
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'platform/start.ts'], {
      cwd: PROJECT_ROOT,
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).not.toBe(0);
    expect(run.status).not.toBeNull();
    expect(run.stderr).toContain('PROVIDER_REPORT_SECRET');
  });
});
