/**
 * The outbox dispatcher (issue 13): starts the workflows whose starts were committed to
 * `workflow_starts` with the rows they belong to (store/outbox.ts). The process that accepted a
 * message wakes its dispatcher at once; every dispatcher also sweeps on a timer, so a start left
 * behind by a crash, a Temporal outage or a restart is picked up by whichever process is alive.
 *
 * A start attempted twice starts once: the workflow id names the message, and Temporal refuses a
 * second workflow with that id (REJECT_DUPLICATE). Rows are claimed with a lease under
 * `FOR UPDATE SKIP LOCKED`, so several processes share the work without starting a row together.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError, type SearchAttributePair } from '@temporalio/common';
import { claimDueStarts, countPendingStarts, deleteStarts, postponeStart, type ClaimedStart } from '../store/outbox';
import { SEARCH_ATTRIBUTES } from '../workflows/search-attributes';
import type { Db } from './db';
import type { Logger } from './logger';

export interface OutboxDispatcher {
  /** Starts due rows now (called after a commit that wrote some). */
  wake(): void;
  /** Stops claiming, lets the starts in flight finish and records them. */
  stop(): Promise<void>;
  /** Starts in the outbox, claimed or not. */
  pending(): Promise<number>;
}

export interface OutboxOptions {
  db: Db;
  temporal: Client;
  logger: Logger;
  /** Workflow starts in flight at once. */
  concurrency?: number;
  /** How long a claimed row is this dispatcher's before another may take it over. */
  leaseMs?: number;
  /** How often to look for rows nobody woke us for (other processes' leftovers, retries). */
  sweepIntervalMs?: number;
  /** How long one start call may take. */
  startTimeoutMs?: number;
}

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;
/** Started rows are deleted together: one statement per this many, or per flush interval. */
const DELETE_BATCH = 200;
const DELETE_INTERVAL_MS = 50;

const searchAttributeKeys = new Map(SEARCH_ATTRIBUTES.map((k) => [k.name, k]));

function typedSearchAttributes(attributes: Record<string, string>): SearchAttributePair[] {
  return Object.entries(attributes).flatMap(([name, value]) => {
    const key = searchAttributeKeys.get(name);
    return key ? [{ key, value } as SearchAttributePair] : [];
  });
}

export function startOutboxDispatcher(opts: OutboxOptions): OutboxDispatcher {
  const { db, temporal, logger } = opts;
  const concurrency = opts.concurrency ?? 32;
  const leaseMs = opts.leaseMs ?? 60_000;
  const sweepIntervalMs = opts.sweepIntervalMs ?? 5_000;
  const startTimeoutMs = opts.startTimeoutMs ?? 10_000;
  const log = logger.child({ component: 'outbox' });

  let stopped = false;
  let inFlight = 0;
  // Whether due rows may be waiting: a wake, a full claim or the sweep timer says so.
  let moreDue = true;
  let wakeUp: (() => void) | undefined;
  const started: string[] = [];
  let flushing: Promise<void> = Promise.resolve();
  let flushTimer: NodeJS.Timeout | undefined;

  const wake = () => {
    moreDue = true;
    wakeUp?.();
  };

  const flush = () => {
    clearTimeout(flushTimer);
    flushTimer = undefined;
    const ids = started.splice(0);
    if (!ids.length) return flushing;
    // A failed delete only means these rows are claimed again after their lease, and Temporal
    // answers "already started": nothing is started twice.
    flushing = flushing.then(() =>
      deleteStarts(db, ids).catch((err) => log.warn({ err, count: ids.length }, 'could not clear started rows')),
    );
    return flushing;
  };

  const startOne = async (row: ClaimedStart) => {
    try {
      await temporal.connection.withDeadline(Date.now() + startTimeoutMs, () =>
        temporal.workflow.start(row.workflowType, {
          workflowId: row.workflowId,
          taskQueue: row.taskQueue,
          args: row.args,
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
          typedSearchAttributes: typedSearchAttributes(row.searchAttributes),
        }),
      );
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) {
        const retryInMs = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(row.attempts - 1, 10));
        log.warn({ workflowId: row.workflowId, attempts: row.attempts, retryInMs, err }, 'workflow start failed');
        await postponeStart(db, row.workflowId, retryInMs, String((err as Error).message).slice(0, 500)).catch((e) =>
          log.warn({ err: e }, 'could not postpone a failed start; its lease will expire'),
        );
        return;
      }
    }
    started.push(row.workflowId);
    if (started.length >= DELETE_BATCH) void flush();
    else flushTimer ??= setTimeout(() => void flush(), DELETE_INTERVAL_MS);
  };

  const loop = async () => {
    while (!stopped) {
      // Claim when a quarter of the slots is free (or all are): one query for many starts.
      const free = concurrency - inFlight;
      if (moreDue && free > 0 && (inFlight === 0 || free >= concurrency / 4)) {
        moreDue = false;
        let rows: ClaimedStart[];
        try {
          rows = await claimDueStarts(db, free, leaseMs);
        } catch (err) {
          log.warn({ err }, 'could not claim workflow starts');
          moreDue = true;
          await delay(1_000);
          continue;
        }
        if (rows.length === free) moreDue = true;
        for (const row of rows) {
          inFlight++;
          void startOne(row).finally(() => {
            inFlight--;
            if (moreDue) wakeUp?.();
          });
        }
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          moreDue = true;
          resolve();
        }, sweepIntervalMs);
        wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wakeUp = undefined;
    }
  };

  const running = loop();

  return {
    wake,
    pending: () => countPendingStarts(db),
    async stop() {
      stopped = true;
      wakeUp?.();
      await running;
      while (inFlight > 0) await delay(20);
      await flush();
    },
  };
}
