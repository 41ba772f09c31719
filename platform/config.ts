/** Configuration from the environment (SPEC §9). Parsed once, validated, with the SPEC's defaults. */
import { z } from 'zod';
import { parseCarrierList } from '../domain/carrier-failover';
import { GATEWAYS, type Gateway } from '../domain/delivery';
import { parseDuration } from '../domain/duration';
import { DEFAULT_SMS_BYTE_LIMIT } from '../domain/message';

const flag = z
  .enum(['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no'])
  .transform((v) => ['1', 'true', 'on', 'yes'].includes(v));

const duration = z.string().transform((v, ctx) => {
  try {
    return parseDuration(v);
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: (e as Error).message });
    return z.NEVER;
  }
});

/** A retention period: a duration, or `0` to keep forever. */
const retention = z.string().transform((v, ctx) => {
  if (v.trim() === '0') return 0;
  try {
    return parseDuration(v);
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: `${(e as Error).message}, or 0 to keep` });
    return z.NEVER;
  }
});

const port = z.coerce.number().int().min(0).max(65535);

const carrierList = z.string().transform((v, ctx) => {
  const parsed = parseCarrierList(v, GATEWAYS);
  if (parsed.ok) return parsed.carriers as Gateway[];
  ctx.addIssue({ code: 'custom', message: parsed.message });
  return z.NEVER;
});

const secret = z.string().min(1).optional();

const EnvSchema = z.object({
  NODE_ENV: z.string().default('development'),
  PORT: port.default(3000),
  /** Unset: an embedded PostgreSQL under .data/. */
  DATABASE_URL: z.string().optional(),
  EMBEDDED_POSTGRES_PORT: port.default(5433),
  /** Unset: a local Temporal dev server (Web UI on TEMPORAL_UI_PORT), state under .data/. */
  TEMPORAL_ADDRESS: z.string().optional(),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_PORT: port.default(7233),
  TEMPORAL_UI_PORT: port.default(8233),
  /** Where operators open the Temporal Web UI (the console links every object to its workflow there). */
  TEMPORAL_UI_URL: z.string().url().optional(),
  /** Unset: generated once, stored under .data/ and printed at start. */
  OPERATOR_API_KEY: z.string().min(16).optional(),
  KAKAO_RESULT_TIMEOUT: duration.default(30_000),
  RESULT_WINDOW: duration.default(48 * 3_600_000),
  /** How long a provider that keeps refusing (5xx, timeouts) is retried before the send counts as failed (SPEC §4). */
  SEND_DEADLINE_KAKAO: duration.default(2 * 60_000),
  SEND_DEADLINE_SMS: duration.default(10 * 60_000),
  /** SMS size limit in EUC-KR bytes (Art. 2.1 says 80; carriers commonly take 90). */
  SMS_BYTE_LIMIT: z.coerce.number().int().min(1).max(90).default(DEFAULT_SMS_BYTE_LIMIT),
  /**
   * Whether merchant webhooks may go to loopback and private-network addresses (SPEC §7 webhooks):
   * `refuse` by default with NODE_ENV=production, `allow` otherwise (a local receiver in development).
   */
  WEBHOOK_PRIVATE_ADDRESSES: z.enum(['allow', 'refuse']).optional(),
  /** Start the carrier simulator and point the provider adapters at it. */
  SIMULATOR: flag.optional(),
  SIMULATOR_PORT: port.default(4010),
  /** Interface the simulator binds (0.0.0.0 in a container, so the worker can reach it). */
  SIMULATOR_HOST: z.string().default('127.0.0.1'),
  /** Base URLs of the Kakao and SMS/LMS providers (default: the simulator). */
  KAKAO_PROVIDER_URL: z.string().url().optional(),
  SMS_PROVIDER_URL: z.string().url().optional(),
  KAKAO_PROVIDER: z.enum(GATEWAYS).default('simulator'),
  SMS_PROVIDER: z.enum(GATEWAYS).default('simulator'),
  /** SMS/LMS carriers in failover order, e.g. "nhn,simulator" (overrides SMS_PROVIDER). */
  SMS_PROVIDERS: carrierList.optional(),
  /** How long one SMS/LMS carrier may keep failing (timeouts, 5xx) before the next one takes the attempt. */
  SMS_CARRIER_DEADLINE: duration.default(120_000),
  /** NHN Cloud Notification: KakaoTalk Bizmessage and SMS app keys and secret keys (console → URL & Appkey). */
  NHN_KAKAO_URL: z.string().url().default('https://kakaotalk-bizmessage.api.nhncloudservice.com'),
  NHN_KAKAO_APP_KEY: secret,
  NHN_KAKAO_SECRET_KEY: secret,
  NHN_SMS_URL: z.string().url().default('https://api-sms.cloud.toast.com'),
  NHN_SMS_APP_KEY: secret,
  NHN_SMS_SECRET_KEY: secret,
  /** The signature entered in NHN's webhook settings; NHN sends it back in X-Toast-Webhook-Signature. */
  NHN_WEBHOOK_SIGNATURE: z.string().min(16).optional(),
  /** Shared secret carriers sign their result reports with (POST /v1/provider-reports/:provider). */
  PROVIDER_REPORT_SECRET: z.string().min(8).optional(),
  /** Where carriers reach this platform for result reports. */
  PUBLIC_URL: z.string().url().optional(),
  /** The supplier on tax invoices (form: 주식회사 케이지이니시스). */
  COMPANY_NAME: z.string().min(1).default('(주)케이지이니시스'),
  COMPANY_BRN: z
    .string()
    .regex(/^\d{10}$/)
    .default('2208183676'),
  /** The supplier's representative (성명) and place of business (사업장 주소) on printed invoices. */
  COMPANY_REPRESENTATIVE: z.string().min(1).optional(),
  COMPANY_ADDRESS: z.string().min(1).optional(),
  /** A merchant's campaigns create at most this many messages per minute each (SPEC §7 ratePerMinute). */
  CAMPAIGN_MAX_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(6_000),
  /** Requests per second per API key (bursts of twice that); 0 turns the limit off. */
  RATE_LIMIT_PER_SECOND: z.coerce.number().int().min(0).default(100),
  /** host:port where the worker serves Temporal SDK metrics for Prometheus (unset: off). */
  WORKER_METRICS_ADDRESS: z.string().optional(),
  /** How long a console sign-in lasts. */
  SESSION_TTL: duration.default(12 * 3_600_000),
  /** How long an invitation link (new merchant owner, staff) can be used. */
  INVITATION_TTL: duration.default(7 * 24 * 3_600_000),
  /** Console sign-in attempts per minute per client address (bursts of that). */
  SIGN_IN_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  /** Workflow starts each API process has in flight at once (the outbox dispatcher, platform/outbox.ts). */
  OUTBOX_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(32),
  /** How often each API process looks for workflow starts left behind (a crash, a Temporal outage). */
  OUTBOX_SWEEP_INTERVAL: duration.default(5_000),
  /** How long a claimed start stays with the process that claimed it before another may take it over. */
  OUTBOX_LEASE: duration.default(60_000),
  /** Workflows a worker process keeps in memory, for all its task queues together (workers/worker.ts). */
  WORKFLOW_CACHE_SIZE: z.coerce.number().int().min(0).default(400),
  /** host:port where the API serves /metrics without a key, e.g. on a private interface (unset: operator key only). */
  METRICS_ADDRESS: z
    .string()
    .regex(/^(\[[0-9a-fA-F:]+\]|[^:\s]+):\d{1,5}$/, 'host:port')
    .optional(),
  /** Keys the stored hashes of console session tokens: a database alone cannot mint a session. */
  SESSION_SECRET: z.string().min(32).optional(),
  /** Art. 5.6: message contents and recipients are destroyed this long after a message is final (0: kept). */
  MESSAGE_RETENTION: retention.default(180 * 86_400_000),
  /** Proof documents and the sender numbers they prove are kept this long after their contract ends (0: kept). */
  PROOF_DOCUMENT_RETENTION: retention.default(365 * 86_400_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Settings that depend on each other: NHN needs its credentials wherever it is chosen. */
const CheckedEnv = EnvSchema.superRefine((c, ctx) => {
  const missing = (names: (keyof typeof c)[], because: string) => {
    for (const name of names)
      if (!c[name]) ctx.addIssue({ code: 'custom', path: [name], message: `required when ${because}` });
  };
  if (c.KAKAO_PROVIDER === 'nhn')
    missing(['NHN_KAKAO_APP_KEY', 'NHN_KAKAO_SECRET_KEY', 'NHN_WEBHOOK_SIGNATURE'], 'KAKAO_PROVIDER=nhn');
  if ((c.SMS_PROVIDERS ?? [c.SMS_PROVIDER]).includes('nhn'))
    missing(['NHN_SMS_APP_KEY', 'NHN_SMS_SECRET_KEY'], 'an SMS carrier is nhn');
});

export type Config = ReturnType<typeof loadConfig>;

/**
 * The secrets' development values: public (they are in this repository), so anyone could forge a
 * carrier report, a session or an operator request with them. Production refuses them (SPEC §9).
 */
export const DEVELOPMENT_SECRETS = {
  OPERATOR_API_KEY: ['change-me-bizmsg-operator-key'],
  PROVIDER_REPORT_SECRET: ['bizmsg-dev-provider-secret'],
  SESSION_SECRET: ['bizmsg-dev-session-secret-not-for-production'],
} as const;

type SecretName = keyof typeof DEVELOPMENT_SECRETS;

/** The secrets that are unset or left at a development value, as `NAME (why)`. */
function unsafeSecrets(env: Partial<Record<SecretName, string>>): string[] {
  return (Object.keys(DEVELOPMENT_SECRETS) as SecretName[]).flatMap((name) => {
    const value = env[name];
    if (value === undefined) return [`${name} (unset)`];
    return (DEVELOPMENT_SECRETS[name] as readonly string[]).includes(value)
      ? [`${name} (the development default)`]
      : [];
  });
}

function parseAddress(address: string): { host: string; port: number } {
  const at = address.lastIndexOf(':');
  return { host: address.slice(0, at).replace(/^\[|\]$/g, ''), port: Number(address.slice(at + 1)) };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = CheckedEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const production = c.NODE_ENV === 'production';
  if (production) {
    const unsafe = unsafeSecrets(c);
    if (unsafe.length)
      throw new Error(
        `NODE_ENV=production refuses to start without its own secrets: set ${unsafe.join(', ')} ` +
          'to long random values (e.g. `openssl rand -hex 32`).',
      );
  }
  // Production never talks to the simulator unless SIMULATOR says so.
  const simulator = c.SIMULATOR ?? !production;
  const simulatorUrl = `http://127.0.0.1:${c.SIMULATOR_PORT}`;
  return {
    env: c.NODE_ENV,
    port: c.PORT,
    databaseUrl: c.DATABASE_URL,
    embeddedPostgresPort: c.EMBEDDED_POSTGRES_PORT,
    temporal: {
      address: c.TEMPORAL_ADDRESS,
      namespace: c.TEMPORAL_NAMESPACE,
      port: c.TEMPORAL_PORT,
      uiPort: c.TEMPORAL_UI_PORT,
      uiUrl: `${c.TEMPORAL_UI_URL ?? `http://127.0.0.1:${c.TEMPORAL_UI_PORT}`}/namespaces/${c.TEMPORAL_NAMESPACE}/workflows`,
    },
    operatorApiKey: c.OPERATOR_API_KEY,
    kakaoResultTimeoutMs: c.KAKAO_RESULT_TIMEOUT,
    resultWindowMs: c.RESULT_WINDOW,
    sendDeadlines: { kakaoMs: c.SEND_DEADLINE_KAKAO, smsMs: c.SEND_DEADLINE_SMS },
    smsByteLimit: c.SMS_BYTE_LIMIT,
    webhooks: { allowPrivateAddresses: (c.WEBHOOK_PRIVATE_ADDRESSES ?? (production ? 'refuse' : 'allow')) === 'allow' },
    simulator: { enabled: simulator, port: c.SIMULATOR_PORT, host: c.SIMULATOR_HOST, url: simulatorUrl },
    providers: {
      kakaoUrl: c.KAKAO_PROVIDER_URL ?? simulatorUrl,
      smsUrl: c.SMS_PROVIDER_URL ?? simulatorUrl,
      reportSecret: c.PROVIDER_REPORT_SECRET ?? DEVELOPMENT_SECRETS.PROVIDER_REPORT_SECRET[0],
      kakao: c.KAKAO_PROVIDER,
      smsCarriers: c.SMS_PROVIDERS ?? [c.SMS_PROVIDER],
      smsCarrierDeadlineMs: c.SMS_CARRIER_DEADLINE,
      nhn: {
        kakao: { url: c.NHN_KAKAO_URL, appKey: c.NHN_KAKAO_APP_KEY ?? '', secretKey: c.NHN_KAKAO_SECRET_KEY ?? '' },
        sms: { url: c.NHN_SMS_URL, appKey: c.NHN_SMS_APP_KEY ?? '', secretKey: c.NHN_SMS_SECRET_KEY ?? '' },
        webhookSignature: c.NHN_WEBHOOK_SIGNATURE ?? null,
      },
    },
    company: {
      name: c.COMPANY_NAME,
      businessRegistrationNumber: c.COMPANY_BRN,
      ...(c.COMPANY_REPRESENTATIVE ? { representative: c.COMPANY_REPRESENTATIVE } : {}),
      ...(c.COMPANY_ADDRESS ? { address: c.COMPANY_ADDRESS } : {}),
    },
    campaignMaxRatePerMinute: c.CAMPAIGN_MAX_RATE_PER_MINUTE,
    rateLimitPerSecond: c.RATE_LIMIT_PER_SECOND,
    workerMetricsAddress: c.WORKER_METRICS_ADDRESS,
    outbox: { concurrency: c.OUTBOX_CONCURRENCY, sweepIntervalMs: c.OUTBOX_SWEEP_INTERVAL, leaseMs: c.OUTBOX_LEASE },
    workflowCacheSize: c.WORKFLOW_CACHE_SIZE,
    metricsAddress: c.METRICS_ADDRESS ? parseAddress(c.METRICS_ADDRESS) : undefined,
    retention: { messagesMs: c.MESSAGE_RETENTION, proofDocumentsMs: c.PROOF_DOCUMENT_RETENTION },
    publicUrl: c.PUBLIC_URL ?? `http://127.0.0.1:${c.PORT}`,
    console: {
      sessionTtlMs: c.SESSION_TTL,
      invitationTtlMs: c.INVITATION_TTL,
      signInPerMinute: c.SIGN_IN_PER_MINUTE,
      sessionSecret: c.SESSION_SECRET ?? DEVELOPMENT_SECRETS.SESSION_SECRET[0],
    },
    logLevel: c.LOG_LEVEL,
  };
}
