/**
 * Creating a merchant and its first API key (SPEC §7, operators only): the business registration
 * number must pass its check digit (400); one merchant per number (409). With the owner's email, the
 * owner's console invitation is created with the merchant (SPEC §6).
 */
import type { z } from 'zod';
import { checkBrn } from '../../domain/brn';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import { recordAudit } from '../../store/audit';
import { createMerchant, findMerchantByBrn } from '../../store/merchants';
import { auditActor, type Principal } from '../auth';
import { badRequest, conflict } from '../errors';
import { invitePerson } from './invite-person';
import type { CreateMerchantBody } from '../schemas/merchants';
import type { AccountSettings } from '../sessions';
import { checkRegisteredWebhookUrl } from '../webhook-url';

/** The merchant with its API key, webhook secret and owner's invitation link in clear: they are shown this once. */
export async function registerMerchant(
  db: Db,
  principal: Principal,
  body: z.output<typeof CreateMerchantBody>,
  settings: AccountSettings & Pick<Config, 'webhooks'>,
) {
  checkRegisteredWebhookUrl(body.webhookUrl, settings.webhooks);
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
  const { ownerEmail, ...fields } = body;
  const created = await db.transaction(async (trx) => {
    const result = await createMerchant(trx, { ...fields, brn: brn.brn });
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
    const invitation =
      result && ownerEmail
        ? await invitePerson(
            trx,
            principal,
            { email: ownerEmail, role: 'owner', merchantId: result.merchant.id },
            settings,
          )
        : null;
    return result && { ...result, invitation };
  });
  if (!created) {
    const existing = await findMerchantByBrn(db, brn.brn);
    throw conflict('merchant_exists', 'a merchant with this business registration number already exists', {
      merchantId: existing?.id,
    });
  }
  return created;
}
