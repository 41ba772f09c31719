/**
 * A new webhook secret (shown once). During the grace period both the new and the old secret sign
 * every webhook (`v1=<new>,v1=<old>`, as Stripe does), so the merchant can switch without losing one.
 */
import type { Db } from '../../platform/db';
import { recordAudit } from '../../store/audit';
import { merchantExists, rotateWebhookSecret } from '../../store/merchants';
import { auditActor, type Principal } from '../auth';
import { notFound } from '../errors';

export async function rotateMerchantWebhookSecret(
  db: Db,
  principal: Principal,
  merchantId: string,
  graceHours: number,
): Promise<{ webhookSecret: string; previousSecretValidUntil: Date }> {
  if (!(await merchantExists(db, merchantId))) throw notFound('merchant');
  const previousSecretValidUntil = new Date(Date.now() + graceHours * 3_600_000);
  const webhookSecret = await rotateWebhookSecret(db, merchantId, previousSecretValidUntil);
  await recordAudit(db, {
    actor: auditActor(principal),
    action: 'merchant.webhook_secret_rotated',
    subjectType: 'merchant',
    subjectId: merchantId,
    merchantId,
    details: { previousSecretValidUntil: previousSecretValidUntil.toISOString() },
  });
  return { webhookSecret, previousSecretValidUntil };
}
