/**
 * Named task queues. Every worker process serves all of them (each queue gets its own pollers and
 * slots, so a burst of messages cannot starve contract or billing work).
 */
export const TASK_QUEUES = {
  contracts: 'bizmsg-contracts',
  messages: 'bizmsg-messages',
  billing: 'bizmsg-billing',
} as const;

export type TaskQueue = (typeof TASK_QUEUES)[keyof typeof TASK_QUEUES];
