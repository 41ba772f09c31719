/**
 * A carrier reports a delivery result (SPEC §7–8), however it arrives: our signed report format
 * (the simulator; signed with the shared secret instead of an API key) or NHN Cloud's result-update
 * webhook (docs/providers.md). Each report is kept, then signalled to its message's workflow, which
 * keeps the first result per send. A workflow that has ended (its result window is over) no longer
 * listens: the report stays on record. A carrier also reports calls to a merchant's 080 opt-out
 * number (SPEC §4), signed the same way.
 */
import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import type { ProviderName, ProviderReport } from '../../domain/delivery';
import { nhnOptOutOf, nhnReportOf, type NhnResultHook, type NhnUnsubscribeHook } from '../../domain/nhn';
import { checkOptOutNumber } from '../../domain/opt-out-number';
import { checkRecipient } from '../../domain/phone';
import { messageIdOfKey } from '../../domain/provider-keys';
import type { Config } from '../../platform/config';
import { transaction, type Db } from '../../platform/db';
import { newId } from '../../platform/ids';
import type { Logger } from '../../platform/logger';
import { sameSharedSecret, verify } from '../../platform/signature';
import { recordAudit } from '../../store/audit';
import { addReportedOptOut, ownerOfOptOutNumber } from '../../store/opt-out-numbers';
import { insertWorkflowStarts } from '../../store/outbox';
import { insertProviderReport, markProviderReportDelivered } from '../../store/provider-reports';
import { messageWorkflowId, optOutNoticeWorkflowId } from '../../workflows/ids';
import { providerReportSignal } from '../../workflows/message';
import { OptOutNoticeWorkflow } from '../../workflows/opt-out-notice';
import { MerchantId } from '../../workflows/search-attributes';
import { TASK_QUEUES } from '../../workflows/task-queues';
import { ApiError, ruleViolations, unprocessable } from '../errors';

export interface ProviderReportDeps {
  db: Db;
  temporal: Client;
  config: Config;
  logger: Logger;
  /** Woken after a commit that wrote workflow starts (platform/outbox.ts). */
  outbox: { wake(): void };
}

type Signed = { rawBody: string; signature: string | undefined };

/** Carriers sign their reports with the shared secret instead of an API key. */
function verifySignature(deps: ProviderReportDeps, signed: Signed): void {
  const check = verify(deps.config.providers.reportSecret, signed.rawBody, signed.signature);
  if (!check.ok) throw new ApiError(401, 'invalid_signature', `the report signature is ${check.reason}`);
}

export async function takeProviderReport(
  deps: ProviderReportDeps,
  signed: Signed,
  report: ProviderReport,
): Promise<void> {
  verifySignature(deps, signed);
  await keepReport(deps, report);
}

/**
 * NHN's webhook `{event, hooks[]}` (Alimtalk ko/webhook-api-guide.md, SMS en/webhook.md, "웹훅 발송"),
 * carrying the signature entered in NHN's webhook settings. MESSAGE_RESULT_UPDATE hooks become Kakao
 * reports and UNSUBSCRIBE hooks (a call to an 080 number of NHN's unsubscription service) 080
 * opt-outs; other events (template status updates) are acknowledged and left to the paths that poll
 * for them, as are hooks that are not ours (an unknown 080 number, a send from NHN's console).
 */
export async function takeNhnWebhook(
  deps: ProviderReportDeps,
  signature: string | undefined,
  webhook: { event: string; hooks: (NhnResultHook & NhnUnsubscribeHook)[] },
): Promise<{ received: number; recorded: number }> {
  const expected = deps.config.providers.nhn.webhookSignature;
  if (!expected || !sameSharedSecret(expected, signature))
    throw new ApiError(401, 'invalid_signature', 'the NHN webhook signature is missing or wrong');

  let recorded = 0;
  for (const hook of webhook.hooks) {
    if (webhook.event === 'MESSAGE_RESULT_UPDATE') {
      const report = nhnReportOf(hook);
      if (!report) continue;
      await keepReport(deps, { provider: 'kakao', ...report });
      recorded++;
    } else if (webhook.event === 'UNSUBSCRIBE') {
      const call = nhnOptOutOf(hook);
      if (call && (await keepOptOut(deps, { provider: 'sms', ...call })).taken) recorded++;
    }
  }
  if (recorded < webhook.hooks.length)
    deps.logger.info(
      { event: webhook.event, hooks: webhook.hooks.length, recorded },
      'NHN webhook hooks not taken as reports',
    );
  return { received: webhook.hooks.length, recorded };
}

async function keepReport(deps: ProviderReportDeps, report: ProviderReport): Promise<void> {
  const messageId = messageIdOfKey(report.idempotencyKey);
  const reportId = await insertProviderReport(deps.db, { ...report, messageId });
  try {
    await deps.temporal.workflow.getHandle(messageWorkflowId(messageId)).signal(providerReportSignal, report);
    if (reportId) await markProviderReportDelivered(deps.db, reportId);
  } catch (err) {
    if (!(err instanceof WorkflowNotFoundError)) throw err;
    deps.logger.info({ messageId, provider: report.provider }, 'report for a message whose workflow has ended');
  }
}

/** A carrier's report that `from` called the 080 opt-out number `to080` (SPEC §4). */
export interface OptOutReport {
  provider: ProviderName;
  to080: string;
  from: string;
  reportedAt: string | null;
}

/**
 * The caller joins the opt-out list of the merchant whose verified 080 number it called, at once
 * and audited (Art. 11); the merchant hears of it by webhook (`opt_out.created`), whose start is
 * written with the opt-out. A repeated report changes nothing.
 */
export async function takeOptOutReport(
  deps: ProviderReportDeps,
  signed: Signed,
  report: OptOutReport,
): Promise<{ added: boolean }> {
  verifySignature(deps, signed);
  const kept = await keepOptOut(deps, report);
  if (!kept.taken) throw kept.refusal;
  return { added: kept.added };
}

/** The opt-out of one reported call; a call that is not to a merchant's verified 080 number, refused. */
async function keepOptOut(
  deps: ProviderReportDeps,
  report: OptOutReport,
): Promise<{ taken: true; added: boolean } | { taken: false; refusal: ApiError }> {
  const number080 = checkOptOutNumber(report.to080, 'to080');
  const caller = checkRecipient(report.from, 'from');
  if (!number080.ok || !caller.ok) {
    const violations = [...(number080.ok ? [] : [number080.violation]), ...(caller.ok ? [] : [caller.violation])];
    return { taken: false, refusal: ruleViolations(violations) };
  }
  const owner = await ownerOfOptOutNumber(deps.db, number080.digits);
  if (!owner)
    return {
      taken: false,
      refusal: unprocessable('opt_out_number_unknown', 'no merchant has verified this 080 number', { field: 'to080' }),
    };

  const noticeId = newId('oot');
  const added = await transaction(deps.db, async (trx) => {
    if (!(await addReportedOptOut(trx, owner.merchantId, caller.digits, noticeId))) return false;
    await recordAudit(trx, {
      actor: { type: 'system', id: `carrier:${report.provider}` },
      action: 'opt_out.added',
      subjectType: 'opt_out',
      merchantId: owner.merchantId,
      details: { source: 'carrier_080', optOutNumberId: owner.optOutNumberId, reportedAt: report.reportedAt },
    });
    await insertWorkflowStarts(trx, [
      {
        workflowId: optOutNoticeWorkflowId(noticeId),
        workflowType: OptOutNoticeWorkflow.name,
        taskQueue: TASK_QUEUES.messages,
        args: [{ merchantId: owner.merchantId, noticeId }],
        searchAttributes: { [MerchantId.name]: owner.merchantId },
      },
    ]);
    return true;
  });
  if (added) deps.outbox.wake();
  return { taken: true, added };
}
