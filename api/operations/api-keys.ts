/** A merchant's API keys: as many as it needs (each shown once), each revocable on its own. */
import type { Db } from '../../platform/db';
import { recordAudit } from '../../store/audit';
import { countActiveApiKeys, createApiKey, revokeApiKey, type ApiKeyRecord } from '../../store/merchants';
import { auditActor, type Principal } from '../auth';
import { notFound, unprocessable } from '../errors';

export const MAX_ACTIVE_API_KEYS = 20;

export async function createMerchantApiKey(
  db: Db,
  principal: Principal,
  merchantId: string,
  name: string,
): Promise<ApiKeyRecord & { apiKey: string }> {
  if ((await countActiveApiKeys(db, merchantId)) >= MAX_ACTIVE_API_KEYS)
    throw unprocessable(
      'too_many_api_keys',
      `a merchant has at most ${MAX_ACTIVE_API_KEYS} active API keys; revoke one first`,
    );
  return db.transaction(async (trx) => {
    const key = await createApiKey(trx, merchantId, name);
    await recordAudit(trx, {
      actor: auditActor(principal),
      action: 'api_key.created',
      subjectType: 'api_key',
      subjectId: key.id,
      merchantId,
      details: { name, prefix: key.prefix },
    });
    return key;
  });
}

/** Revokes the key; `forget` drops it from the authentication cache so it answers 401 from now on. */
export async function revokeMerchantApiKey(
  db: Db,
  principal: Principal,
  merchantId: string,
  keyId: string,
  forget: (keyId: string) => void,
): Promise<void> {
  if (!(await revokeApiKey(db, merchantId, keyId))) throw notFound('API key');
  forget(keyId);
  await recordAudit(db, {
    actor: auditActor(principal),
    action: 'api_key.revoked',
    subjectType: 'api_key',
    subjectId: keyId,
    merchantId,
  });
}
