import type { Client } from '@temporalio/client';
import type { Db } from '../platform/db';

/** What an operation that runs a workflow needs: the database of its projection, and the Temporal client. */
export interface WorkflowDeps {
  db: Db;
  temporal: Client;
}
