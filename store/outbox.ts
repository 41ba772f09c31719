/**
 * The outbox of workflow starts (issue 13): a start is written in the transaction of the rows it
 * belongs to, so a committed message always has its start, and platform/outbox.ts starts it later.
 */
import type { Knex } from 'knex';

export interface WorkflowStart {
  workflowId: string;
  workflowType: string;
  taskQueue: string;
  /** The workflow's arguments: ids and plans, never personal data. */
  args: unknown[];
  /** Keyword search attributes by name (workflows/search-attributes.ts). */
  searchAttributes: Record<string, string>;
}

export interface ClaimedStart extends WorkflowStart {
  /** Claims so far, this one included. */
  attempts: number;
}

/** Rows per INSERT: far below PostgreSQL's 65,535 parameters per statement. */
const ROWS_PER_INSERT = 1_000;

/** A start as its row (jsonb columns as values, for a JSON document or a driver that stringifies them). */
export const workflowStartRow = (s: WorkflowStart) => ({
  workflow_id: s.workflowId,
  workflow_type: s.workflowType,
  task_queue: s.taskQueue,
  args: s.args,
  search_attributes: s.searchAttributes,
});

export async function insertWorkflowStarts(db: Knex | Knex.Transaction, starts: WorkflowStart[]): Promise<void> {
  for (let i = 0; i < starts.length; i += ROWS_PER_INSERT) {
    await db('workflow_starts').insert(
      starts.slice(i, i + ROWS_PER_INSERT).map((s) => ({
        ...workflowStartRow(s),
        args: JSON.stringify(s.args),
        search_attributes: JSON.stringify(s.searchAttributes),
      })),
    );
  }
}

/**
 * Claims up to `limit` due starts for `leaseMs`. Dispatchers of other processes skip the rows
 * claimed here (`FOR UPDATE SKIP LOCKED`) and, should this process die, take them over when the
 * lease has passed.
 */
export async function claimDueStarts(db: Knex, limit: number, leaseMs: number): Promise<ClaimedStart[]> {
  const { rows } = await db.raw(
    `UPDATE workflow_starts SET available_at = now() + make_interval(secs => ?), attempts = attempts + 1
      WHERE workflow_id IN (
        SELECT workflow_id FROM workflow_starts WHERE available_at <= now()
         ORDER BY available_at LIMIT ? FOR UPDATE SKIP LOCKED)
      RETURNING workflow_id, workflow_type, task_queue, args, search_attributes, attempts`,
    [leaseMs / 1000, limit],
  );
  return rows.map(
    (r: {
      workflow_id: string;
      workflow_type: string;
      task_queue: string;
      args: unknown[];
      search_attributes: Record<string, string>;
      attempts: number;
    }) => ({
      workflowId: r.workflow_id,
      workflowType: r.workflow_type,
      taskQueue: r.task_queue,
      args: r.args,
      searchAttributes: r.search_attributes,
      attempts: r.attempts,
    }),
  );
}

/** Temporal has these workflows: their starts are done. */
export async function deleteStarts(db: Knex, workflowIds: string[]): Promise<void> {
  if (!workflowIds.length) return;
  await db('workflow_starts').whereRaw('workflow_id = ANY(?)', [workflowIds]).delete();
}

/** A start that failed (Temporal unreachable): due again after `delayMs`. */
export async function postponeStart(db: Knex, workflowId: string, delayMs: number, error: string): Promise<void> {
  await db('workflow_starts')
    .where({ workflow_id: workflowId })
    .update({ available_at: db.raw('now() + make_interval(secs => ?)', [delayMs / 1000]), last_error: error });
}

/** How many starts wait in the outbox. */
export async function countPendingStarts(db: Knex): Promise<number> {
  const [{ count }] = await db('workflow_starts').count({ count: '*' });
  return Number(count);
}
