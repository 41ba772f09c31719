/** Merchants and their API keys. */
import type { Knex } from 'knex';
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
  createdAt: r.created_at,
});

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
  const id = newId('mer');
  const apiKey = newMerchantApiKey();
  const webhookSecret = newWebhookSecret();
  const [row] = await trx<MerchantRow>('merchants')
    .insert({
      id,
      brn: input.brn,
      name: input.name,
      representative: input.representative,
      address: input.address,
      kakao_search_id: input.kakaoSearchId ?? null,
      webhook_url: input.webhookUrl ?? null,
      webhook_secret: webhookSecret,
    })
    .onConflict('brn')
    .ignore()
    .returning('*');
  if (!row) return undefined;
  const keyId = newId('key');
  await trx('api_keys').insert({
    id: keyId,
    merchant_id: id,
    key_hash: sha256Hex(apiKey),
    key_prefix: keyPrefix(apiKey),
  });
  return { merchant: toMerchant(row), apiKey, apiKeyId: keyId, webhookSecret };
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

export async function merchantWebhook(
  db: Knex,
  id: string,
): Promise<{ url: string | null; secret: string } | undefined> {
  const row = await db<MerchantRow>('merchants').where({ id }).first('webhook_url', 'webhook_secret');
  return row && { url: row.webhook_url, secret: row.webhook_secret };
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
