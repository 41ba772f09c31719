/** All activities, built once per worker process with their dependencies. */
import type { Config } from '../platform/config';
import type { Db } from '../platform/db';
import type { Logger } from '../platform/logger';
import { createContractActivities } from './contracts';

export interface ActivityDeps {
  db: Db;
  logger: Logger;
  config: Config;
}

export function createActivities(deps: ActivityDeps) {
  return {
    ...createContractActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
