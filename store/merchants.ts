/** Merchants and their API keys. */
import type { Knex } from 'knex';
import type { BusinessInfoField, PendingChange } from '../domain/merchant-change';
import { newId } from '../platform/ids';
import { keyPrefix, newMerchantApiKey, newWebhookSecret, sha256Hex } from '../platform/secrets';
import { newestFirst } from './queries';

export interface Merchant {
  id: string;
  businessRegistrationNumber: string;
  name: string;
  representative: string;
  address: string;
  kakaoSearchId: string | null;
  webhookUrl: string | null;
  /** A business-information change noticed and not yet in effect (Art. 4.1.3). */
  pendingChange: PendingChange | null;
  createdAt: Date;
}

interface MerchantRow {
  id: string;
  brn: string;
  name: string;
  representative: string;
  address: string;
  kakao_search_id: string | null;
  webhook_url: string | null;
  webhook_secret: string;
  previous_webhook_secret: string | null;
  previous_webhook_secret_until: Date | null;
  pending_change: PendingChange | null;
  created_at: Date;
}

const toMerchant = (r: MerchantRow): Merchant => ({
  id: r.id,
  businessRegistrationNumber: r.brn,
  name: r.name,
  representative: r.representative,
  address: r.address,
  kakaoSearchId: r.kakao_search_id,
  webhookUrl: r.webhook_url,
  pendingChange: r.pending_change,
  createdAt: r.created_at,
});

/** Business-information fields and their columns. */
const COLUMNS: Record<BusinessInfoField, keyof MerchantRow> = {
  name: 'name',
  representative: 'representative',
  address: 'address',
  businessRegistrationNumber: 'brn',
};

export interface NewMerchant {
  brn: string;
  name: string;
  representative: string;
  address: string;
  kakaoSearchId?: string;
  webhookUrl?: string;
}

/** Creates the merchant and its first API key; the clear key and webhook secret are returned once. */
export async function createMerchant(trx: Knex.Transaction, input: NewMerchant) {
  const { brn, name, representative, address, kakaoSearchId, webhookUrl } = input;
  const id = newId('mer');
  const apiKey = newMerchantApiKey();
  const webhookSecret = newWebhookSecret();
  const [row] = await trx<MerchantRow>('merchants')
    .insert({
      id,
      brn,
      name,
      representative,
      address,
      kakao_search_id: kakaoSearchId ?? null,
      webhook_url: webhookUrl ?? null,
      webhook_secret: webhookSecret,
    })
    .onConflict('brn')
    .ignore()
    .returning('*');
  if (!row) return undefined;
  const key = await createApiKey(trx, id, 'default', apiKey);
  return { merchant: toMerchant(row), apiKey, apiKeyId: key.id, webhookSecret };
}

export async function findMerchant(db: Knex, id: string): Promise<Merchant | undefined> {
  const row = await db<MerchantRow>('merchants').where({ id }).first();
  return row && toMerchant(row);
}

export async function merchantExists(db: Knex, id: string): Promise<boolean> {
  return (await db('merchants').where({ id }).first('id')) !== undefined;
}

export async function findMerchantByBrn(db: Knex, brn: string): Promise<Merchant | undefined> {
  const row = await db<MerchantRow>('merchants').where({ brn }).first();
  return row && toMerchant(row);
}

/** Where the merchant's webhooks go and the secrets that sign them: the current one, and the previous during its grace period. */
export async function merchantWebhook(
  db: Knex,
  id: string,
  now = new Date(),
): Promise<{ url: string | null; secrets: string[] } | undefined> {
  const row = await db<MerchantRow>('merchants')
    .where({ id })
    .first('webhook_url', 'webhook_secret', 'previous_webhook_secret', 'previous_webhook_secret_until');
  if (!row) return undefined;
  const previous =
    row.previous_webhook_secret && row.previous_webhook_secret_until && row.previous_webhook_secret_until > now
      ? [row.previous_webhook_secret]
      : [];
  return { url: row.webhook_url, secrets: [row.webhook_secret, ...previous] };
}

export async function setWebhookUrl(db: Knex, id: string, url: string | null): Promise<void> {
  await db('merchants').where({ id }).update({ webhook_url: url, updated_at: db.fn.now() });
}

/** A new webhook secret; the current one keeps signing too until `previousUntil`. Returns the new secret. */
export async function rotateWebhookSecret(db: Knex, id: string, previousUntil: Date): Promise<string> {
  const secret = newWebhookSecret();
  await db('merchants')
    .where({ id })
    .update({
      previous_webhook_secret: db.ref('webhook_secret'),
      previous_webhook_secret_until: previousUntil,
      webhook_secret: secret,
      updated_at: db.fn.now(),
    });
  return secret;
}

export async function savePendingChange(db: Knex, id: string, change: PendingChange | null): Promise<void> {
  await db('merchants')
    .where({ id })
    .update({ pending_change: change === null ? null : JSON.stringify(change), updated_at: db.fn.now() });
}

/**
 * Puts the pending change `changeId` into effect, once: a change replaced by a later notice, or
 * already applied, is left alone. Another merchant holding the new registration number is a conflict.
 */
export async function applyPendingChange(
  db: Knex,
  merchantId: string,
  changeId: string,
): Promise<{ outcome: 'applied'; change: PendingChange } | { outcome: 'superseded' | 'brn_taken' }> {
  return db.transaction(async (trx) => {
    const row = await trx<MerchantRow>('merchants').where({ id: merchantId }).forUpdate().first('pending_change');
    const change = row?.pending_change;
    if (!change || change.id !== changeId) return { outcome: 'superseded' as const };
    const brn = change.fields.businessRegistrationNumber;
    if (brn && (await trx('merchants').where({ brn }).whereNot({ id: merchantId }).first('id'))) {
      await trx('merchants').where({ id: merchantId }).update({ pending_change: null });
      return { outcome: 'brn_taken' as const };
    }
    const columns = Object.fromEntries(
      Object.entries(change.fields).map(([field, value]) => [COLUMNS[field as BusinessInfoField], value]),
    );
    await trx('merchants')
      .where({ id: merchantId })
      .update({ ...columns, pending_change: null, updated_at: trx.fn.now() });
    return { outcome: 'applied' as const, change };
  });
}

// ── API keys ────────────────────────────────────────────────────────────────

export interface ApiKeyRecord {
  id: string;
  merchantId: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const toApiKey = (r: {
  id: string;
  merchant_id: string;
  name: string;
  key_prefix: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}): ApiKeyRecord => ({
  id: r.id,
  merchantId: r.merchant_id,
  name: r.name,
  prefix: r.key_prefix,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

/** Stores a key by its hash; the clear key exists only in the answer that shows it once. */
export async function createApiKey(
  db: Knex | Knex.Transaction,
  merchantId: string,
  name: string,
  apiKey = newMerchantApiKey(),
): Promise<ApiKeyRecord & { apiKey: string }> {
  const [row] = await db('api_keys')
    .insert({
      id: newId('key'),
      merchant_id: merchantId,
      name,
      key_hash: sha256Hex(apiKey),
      key_prefix: keyPrefix(apiKey),
    })
    .returning('*');
  return { ...toApiKey(row), apiKey };
}

export async function listApiKeys(db: Knex, merchantId: string): Promise<ApiKeyRecord[]> {
  const rows = await db('api_keys').where({ merchant_id: merchantId }).orderBy('created_at').orderBy('id');
  return rows.map(toApiKey);
}

export async function countActiveApiKeys(db: Knex, merchantId: string): Promise<number> {
  const [{ n }] = await db('api_keys').where({ merchant_id: merchantId }).whereNull('revoked_at').count('* as n');
  return Number(n);
}

/** Revokes the merchant's key; false when it has no such active key. */
export async function revokeApiKey(db: Knex, merchantId: string, id: string): Promise<boolean> {
  const n = await db('api_keys')
    .where({ id, merchant_id: merchantId })
    .whereNull('revoked_at')
    .update({ revoked_at: db.fn.now() });
  return n > 0;
}

/** Notes that a key was used, to the minute (one write per key and minute, not per request). */
export async function touchApiKey(db: Knex, id: string): Promise<void> {
  await db('api_keys')
    .where({ id })
    .where((q) => q.whereNull('last_used_at').orWhere('last_used_at', '<', db.raw("now() - interval '1 minute'")))
    .update({ last_used_at: db.fn.now() });
}

/** The merchant API key with this SHA-256 hash, unless it was revoked. */
export async function findLiveApiKey(
  db: Knex,
  keyHash: string,
): Promise<{ id: string; merchantId: string } | undefined> {
  const row = await db('api_keys').where({ key_hash: keyHash }).whereNull('revoked_at').first('id', 'merchant_id');
  return row && { id: row.id, merchantId: row.merchant_id };
}

/** Merchants newest first (ids sort by creation time), for the operator console. */
export async function listMerchants(db: Knex, page: { before?: string; limit: number }) {
  const { rows, hasMore } = await newestFirst<MerchantRow>(db('merchants'), page);
  return { merchants: rows.map(toMerchant), hasMore };
}
