/**
 * Creating a merchant and its first API key (SPEC §7, operators only): the business registration
 * number must pass its check digit (400); one merchant per number (409).
 */
import type { z } from 'zod';
import { checkBrn } from '../../domain/brn';
import type { Db } from '../../platform/db';
import { recordAudit } from '../../store/audit';
import { createMerchant, findMerchantByBrn } from '../../store/merchants';
import { auditActor, type Principal } from '../auth';
import { badRequest, conflict } from '../errors';
import type { CreateMerchantBody } from '../schemas/merchants';

/** The merchant with its API key and webhook secret in clear: they are shown this once. */
export async function registerMerchant(db: Db, principal: Principal, body: z.output<typeof CreateMerchantBody>) {
  const brn = checkBrn(body.businessRegistrationNumber);
  if (!brn.ok) {
    throw badRequest(
      'invalid_business_registration_number',
      brn.reason === 'format'
        ? 'a business registration number has 10 digits'
        : 'the business registration number fails its check digit',
      { field: 'businessRegistrationNumber' },
    );
  }
  const created = await db.transaction(async (trx) => {
    const result = await createMerchant(trx, { ...body, brn: brn.brn });
    if (result) {
      await recordAudit(trx, {
        actor: auditActor(principal),
        action: 'merchant.created',
        subjectType: 'merchant',
        subjectId: result.merchant.id,
        merchantId: result.merchant.id,
        details: { apiKeyId: result.apiKeyId },
      });
    }
    return result;
  });
  if (!created) {
    const existing = await findMerchantByBrn(db, brn.brn);
    throw conflict('merchant_exists', 'a merchant with this business registration number already exists', {
      merchantId: existing?.id,
    });
  }
  return created;
}
