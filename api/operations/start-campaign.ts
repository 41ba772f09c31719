/**
 * Starting a campaign (SPEC §7): the recipients (JSON, or a CSV upload whose header row names the
 * columns), the rate under the merchant's cap, the time, and what the content and the contract
 * allow for every recipient alike are checked first (a refused campaign stores nothing). Then the
 * campaign, its recipients and its workflow's start are one write; the CampaignWorkflow creates
 * each recipient's message through the acceptance rules in its turn, rejected rows kept per row.
 * With an Idempotency-Key a retry starts nothing more and answers with the campaign it started.
 */
import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import {
  checkRate,
  checkRecipientVariables,
  initialStatus,
  recipientsFromTable,
  type CampaignRecipient,
  type CampaignStatus,
} from '../../domain/campaign';
import { checkMessage } from '../../domain/message';
import type { RuleViolation } from '../../domain/rules';
import { checkScheduledAt } from '../../domain/schedule';
import { checkSenderNumber } from '../../domain/sender-number';
import { checkSendingGate, defaultSender } from '../../domain/sending-gate';
import type { Config } from '../../platform/config';
import { transaction, type Db } from '../../platform/db';
import { newId } from '../../platform/ids';
import {
  findCampaignByIdempotencyKey,
  insertCampaign,
  type CampaignMessage,
  type CampaignRow,
} from '../../store/campaigns';
import { gateContract } from '../../store/contracts';
import { findMerchant } from '../../store/merchants';
import { insertWorkflowStarts } from '../../store/outbox';
import { CampaignWorkflow, type CampaignWorkflowInput } from '../../workflows/campaign';
import { campaignWorkflowId } from '../../workflows/ids';
import { CampaignId, MerchantId } from '../../workflows/search-attributes';
import { TASK_QUEUES } from '../../workflows/task-queues';
import { badRequest, notFound, ruleViolations } from '../errors';
import { idempotencyKeyReused, replayOf, requestHash } from '../idempotency';
import type { CampaignBody } from '../schemas/campaigns';

export interface CampaignDeps {
  db: Db;
  config: Config;
  outbox: { wake(): void };
}

type CampaignInput = z.output<typeof CampaignBody>;

/** The recipients of the request: given as JSON, or read from the CSV's rows. */
function recipientsOf(body: CampaignInput): CampaignRecipient[] {
  if ((body.recipients === undefined) === (body.recipientsCsv === undefined))
    throw badRequest(
      'recipients_required',
      'give the recipients either as `recipients` or as `recipientsCsv`, not both',
    );
  if (body.recipients) return body.recipients;
  let rows: string[][];
  try {
    rows = parse(body.recipientsCsv!, { bom: true, skip_empty_lines: true, relax_column_count: true });
  } catch (err) {
    throw badRequest('csv_malformed', `recipientsCsv is not valid CSV: ${(err as Error).message}`, {
      field: 'recipientsCsv',
    });
  }
  const table = recipientsFromTable(rows);
  if (!table.ok) throw ruleViolations(table.violations);
  if (table.recipients.length === 0)
    throw ruleViolations([{ code: 'csv_empty', message: 'the CSV has no recipients', field: 'recipientsCsv' }]);
  return table.recipients;
}

export interface StartedCampaign {
  id: string;
  status: CampaignStatus;
  total: number;
  /** An earlier request with the same Idempotency-Key started it. */
  replayed: boolean;
}

/** The campaign an earlier request with the key started, as this request's answer; another request's key is refused. */
function startedBefore(row: CampaignRow, hash: string): StartedCampaign {
  if (replayOf(row.request_hash, hash) === 'reused') throw idempotencyKeyReused();
  return { id: row.id, status: row.status, total: row.total, replayed: true };
}

export async function startCampaign(
  deps: CampaignDeps,
  merchantId: string,
  body: CampaignInput,
  idempotencyKey?: string,
): Promise<StartedCampaign> {
  const request = idempotencyKey === undefined ? undefined : { key: idempotencyKey, hash: requestHash(body) };
  const earlier = request && (await findCampaignByIdempotencyKey(deps.db, merchantId, request.key));
  if (earlier) return startedBefore(earlier, request.hash);
  const recipients = recipientsOf(body);
  const now = new Date();
  const [merchant, contract] = await Promise.all([
    findMerchant(deps.db, merchantId),
    gateContract(deps.db, merchantId),
  ]);
  if (!merchant) throw notFound('merchant');

  const violations: RuleViolation[] = [];
  const rate = checkRate(body.ratePerMinute, deps.config.campaignMaxRatePerMinute);
  if (!rate.ok) violations.push(rate.violation);
  const schedule = checkScheduledAt(body.scheduledAt === undefined ? undefined : new Date(body.scheduledAt), now);
  if (!schedule.ok) violations.push(schedule.violation);
  violations.push(...checkRecipientVariables(body.message.type, recipients));
  const startsAt = (schedule.ok && schedule.at) || now;
  // One text for everyone is checked once, now; a template's text depends on each recipient's variables.
  const content =
    body.message.type === 'alimtalk'
      ? undefined
      : checkMessage(body.message, {
          smsByteLimit: deps.config.smsByteLimit,
          senderName: merchant.name,
          now: startsAt,
          holdDuringQuietHours: body.message.holdDuringQuietHours,
        });
  if (content && !content.ok) violations.push(...content.violations);
  const from = body.message.from !== undefined ? checkSenderNumber(body.message.from, 'message.from') : undefined;
  if (from && !from.ok) violations.push(from.violation);
  if (violations.length) throw ruleViolations(violations);

  // Nothing is queued silently for a contract that cannot send (SPEC §3).
  const gate = checkSendingGate(contract, {
    // `text` is planned as SMS or LMS; a template's content is checked per recipient.
    kind: content?.ok ? content.plan.type : 'alimtalk',
    from: (from?.ok ? from.digits : undefined) ?? (contract ? defaultSender(contract) : null),
    fallback: content?.ok ? (content.plan.fallback?.channel ?? null) : null,
    recipientOptedOut: false,
  });
  if (!gate.ok) throw ruleViolations([gate.violation]);

  const id = newId('cmp');
  const at = schedule.ok ? schedule.at : null;
  const status = initialStatus(at && +at, +now);
  const ratePerMinute = rate.ok ? rate.ratePerMinute : 0;
  const scheduledAt = at?.toISOString() ?? null;
  const workflowInput: CampaignWorkflowInput = {
    campaignId: id,
    merchantId,
    total: recipients.length,
    ratePerMinute,
    scheduledAt,
  };
  try {
    await transaction(deps.db, async (trx) => {
      await insertCampaign(
        trx,
        {
          id,
          merchantId,
          name: body.name,
          status,
          message: body.message as CampaignMessage,
          scheduledAt,
          ratePerMinute,
          createdAt: now.toISOString(),
          idempotencyKey: request?.key ?? null,
          requestHash: request?.hash ?? null,
        },
        recipients,
      );
      await insertWorkflowStarts(trx, [
        {
          workflowId: campaignWorkflowId(id),
          workflowType: CampaignWorkflow.name,
          taskQueue: TASK_QUEUES.messages,
          args: [workflowInput],
          searchAttributes: { [MerchantId.name]: merchantId, [CampaignId.name]: id },
        },
      ]);
    });
  } catch (err) {
    // The same key sent twice at once: the unique index lets one campaign through, the other answers with it.
    const winner =
      request && (err as { code?: string }).code === '23505'
        ? await findCampaignByIdempotencyKey(deps.db, merchantId, request.key)
        : undefined;
    if (!winner) throw err;
    return startedBefore(winner, request!.hash);
  }
  deps.outbox.wake();
  return { id, status, total: recipients.length, replayed: false };
}
