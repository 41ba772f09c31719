/**
 * A batch of up to 10,000 messages (SPEC §7): every item is accepted or refused on its own, all
 * accepted items are stored in one transaction (accept-message.ts), and the batch's
 * Idempotency-Key answers a repeat with the first answer, creating nothing.
 */
import { findBatchRequest, insertBatchRequest } from '../../store/batch-requests';
import { ApiError, parseInput, unprocessable } from '../errors';
import { BatchItem } from '../schemas/messages';
import {
  itemError,
  prepareMessages,
  requestHash,
  storeMessages,
  type AcceptanceDeps,
  type ItemOutcome,
  type MessageRequest,
  type Prepared,
} from './accept-message';

/** A concurrent batch with the same key committed first: roll ours back. */
class BatchKeyTaken extends Error {}

export interface BatchAnswer {
  accepted: { index: number; id: string }[];
  rejected: { index: number; error: ReturnType<typeof itemError> }[];
}

export interface BatchAcceptance {
  answer: BatchAnswer;
  /** True when an earlier request with the same Idempotency-Key gave this answer. */
  replayed: boolean;
  /** Each item's outcome (none for a replay). */
  outcomes: ItemOutcome[];
}

function answerOf(outcomes: ItemOutcome[]): BatchAnswer {
  const answer: BatchAnswer = { accepted: [], rejected: [] };
  outcomes.forEach((o, index) =>
    o.ok ? answer.accepted.push({ index, id: o.id }) : answer.rejected.push({ index, error: itemError(o.error) }),
  );
  return answer;
}

async function earlierAnswer(
  deps: AcceptanceDeps,
  merchantId: string,
  key: string,
  hash: string,
): Promise<BatchAcceptance | undefined> {
  const earlier = await findBatchRequest<BatchAnswer>(deps.db, merchantId, key);
  if (!earlier) return undefined;
  if (earlier.requestHash !== hash)
    throw unprocessable('idempotency_key_reused', 'this Idempotency-Key was already used with a different batch', {
      field: 'Idempotency-Key',
    });
  return { answer: earlier.answer, replayed: true, outcomes: [] };
}

export async function acceptBatch(
  deps: AcceptanceDeps,
  merchantId: string,
  items: unknown[],
  idempotencyKey?: string,
): Promise<BatchAcceptance> {
  const hash = idempotencyKey ? requestHash(items) : '';
  if (idempotencyKey) {
    const earlier = await earlierAnswer(deps, merchantId, idempotencyKey, hash);
    if (earlier) return earlier;
  }

  // Items that do not even parse are refused with 400's error; the others go through every rule.
  const requests: MessageRequest[] = [];
  const positions: number[] = [];
  const parsed = items.map((raw, index): Prepared | undefined => {
    try {
      const { idempotencyKey: itemKey, ...input } = parseInput(BatchItem, raw, `messages[${index}]`);
      positions.push(index);
      requests.push({ input, idempotencyKey: itemKey });
      return undefined;
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      return { kind: 'decided', outcome: { ok: false, error: err } };
    }
  });
  const checked = await prepareMessages(deps, merchantId, requests);
  checked.forEach((p, i) => (parsed[positions[i]] = p.kind === 'repeat' ? { kind: 'repeat', of: positions[p.of] } : p));
  const prepared = parsed as Prepared[];

  try {
    const outcomes = await storeMessages(
      deps,
      merchantId,
      prepared,
      idempotencyKey
        ? async (trx, outcomes) => {
            if (!(await insertBatchRequest(trx, merchantId, idempotencyKey, hash, answerOf(outcomes))))
              throw new BatchKeyTaken();
          }
        : undefined,
    );
    return { answer: answerOf(outcomes), replayed: false, outcomes };
  } catch (err) {
    // A concurrent batch with the same key committed first: its answer is ours, and nothing of ours was stored.
    if (!(err instanceof BatchKeyTaken) || !idempotencyKey) throw err;
    const earlier = await earlierAnswer(deps, merchantId, idempotencyKey, hash);
    if (!earlier) throw new Error('batch idempotency key taken, but its answer is not stored', { cause: err });
    return earlier;
  }
}
