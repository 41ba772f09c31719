/**
 * `PATCH /v1/merchants/:id` (Art. 4.1.3): a webhook URL changes at once; business information
 * (name, representative, address, business registration number) is a notice that takes effect
 * 10 days later, applied by its MerchantChangeWorkflow.
 */
import { mayNoticeBusinessChange } from '../../domain/accounts';
import { checkBrn } from '../../domain/brn';
import { BUSINESS_INFO_FIELDS, noticeChange, type BusinessInfo } from '../../domain/merchant-change';
import type { Config } from '../../platform/config';
import { newId } from '../../platform/ids';
import { recordAudit } from '../../store/audit';
import {
  findMerchant,
  findMerchantByBrn,
  savePendingChange,
  setWebhookUrl,
  type Merchant,
} from '../../store/merchants';
import { merchantChangeWorkflowId } from '../../workflows/ids';
import { MerchantChangeWorkflow } from '../../workflows/merchant-change';
import { MerchantId } from '../../workflows/search-attributes';
import { TASK_QUEUES } from '../../workflows/task-queues';
import { auditActor, personRole, type Principal } from '../auth';
import { ApiError, badRequest, conflict, notFound, ruleViolations } from '../errors';
import { checkRegisteredWebhookUrl } from '../webhook-url';
import type { WorkflowDeps } from '../workflow-deps';

export interface MerchantChange extends BusinessInfo {
  webhookUrl?: string | null;
  effectiveAt?: string;
}

export async function changeMerchant(
  deps: WorkflowDeps & { config: Pick<Config, 'webhooks'> },
  principal: Principal,
  merchantId: string,
  input: MerchantChange,
): Promise<{ merchant: Merchant; scheduled: boolean }> {
  const { db, temporal } = deps;
  checkRegisteredWebhookUrl(input.webhookUrl, deps.config.webhooks);
  const requested: BusinessInfo = {};
  for (const field of BUSINESS_INFO_FIELDS) if (input[field] !== undefined) requested[field] = input[field];
  const role = personRole(principal);
  if (Object.keys(requested).length > 0 && !mayNoticeBusinessChange(role))
    throw new ApiError(
      403,
      'role_forbidden',
      'only the merchant’s owner gives notice of business information changes',
      {
        role,
      },
    );
  if (requested.businessRegistrationNumber !== undefined) {
    const brn = checkBrn(requested.businessRegistrationNumber);
    if (!brn.ok)
      throw badRequest('invalid_business_registration_number', 'the business registration number is not valid', {
        field: 'businessRegistrationNumber',
      });
    requested.businessRegistrationNumber = brn.brn;
  }

  const merchant = await findMerchant(db, merchantId);
  if (!merchant) throw notFound('merchant');
  const brn = requested.businessRegistrationNumber;
  if (brn !== undefined && brn !== merchant.businessRegistrationNumber) {
    const holder = await findMerchantByBrn(db, brn);
    if (holder) throw conflict('merchant_exists', 'another merchant has this business registration number');
  }
  const actor = auditActor(principal);

  let scheduled = false;
  if (Object.keys(requested).length > 0) {
    const noticed = noticeChange(merchant, merchant.pendingChange, requested, {
      id: newId('chg'),
      now: Date.now(),
      effectiveAt: input.effectiveAt,
    });
    if (!noticed.ok) throw ruleViolations([noticed.violation]);
    const change = noticed.change;
    await db.transaction(async (trx) => {
      await savePendingChange(trx, merchantId, change);
      await recordAudit(trx, {
        actor,
        action: change ? 'merchant.change_noticed' : 'merchant.change_withdrawn',
        subjectType: 'merchant',
        subjectId: merchantId,
        merchantId,
        details: change
          ? { changeId: change.id, fields: Object.keys(change.fields), effectiveAt: change.effectiveAt }
          : {},
      });
      // The timer starts with the row: a failed start rolls the notice back.
      if (change)
        await temporal.workflow.start(MerchantChangeWorkflow, {
          workflowId: merchantChangeWorkflowId(change.id),
          taskQueue: TASK_QUEUES.contracts,
          args: [{ merchantId, changeId: change.id, effectiveAt: change.effectiveAt }],
          typedSearchAttributes: [{ key: MerchantId, value: merchantId }],
        });
    });
    scheduled = change !== null;
  }
  if (input.webhookUrl !== undefined) {
    await setWebhookUrl(db, merchantId, input.webhookUrl);
    await recordAudit(db, {
      actor,
      action: 'merchant.webhook_url_changed',
      subjectType: 'merchant',
      subjectId: merchantId,
      merchantId,
    });
  }
  return { merchant: (await findMerchant(db, merchantId))!, scheduled };
}
