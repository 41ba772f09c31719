/** API keys and signing secrets: random, shown once, stored only as a SHA-256 hash (keys). */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** HMAC-SHA256 with a server secret: whoever can write the table but lacks the secret cannot make a valid hash. */
export function keyedHash(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text).digest('hex');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** A merchant API key: `bmk_` + 256 random bits. */
export function newMerchantApiKey(): string {
  return `bmk_${randomToken()}`;
}

/** The secret a merchant uses to verify our webhook signatures. */
export function newWebhookSecret(): string {
  return `whsec_${randomToken(24)}`;
}

export function keyPrefix(key: string): string {
  return key.slice(0, 12);
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The operator key: OPERATOR_API_KEY when set, else one generated on first start and kept in
 * `<dataDir>/operator-key` (mode 600) so it survives restarts.
 */
export function loadOperatorKey(
  configured: string | undefined,
  dataDir: string,
): { key: string; source: 'env' | 'file' | 'generated' } {
  if (configured) return { key: configured, source: 'env' };
  const file = path.join(dataDir, 'operator-key');
  if (fs.existsSync(file)) return { key: fs.readFileSync(file, 'utf8').trim(), source: 'file' };
  const key = `bmo_${randomToken()}`;
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return { key, source: 'generated' };
}
