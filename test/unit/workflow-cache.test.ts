import { workflowCacheSizes } from '../../workers/worker';
import { TASK_QUEUES } from '../../workflows/task-queues';

describe('the workflow cache of a worker process', () => {
  const queues = Object.values(TASK_QUEUES);

  it('is one budget for the process, split over its task queues, most of it for messages', () => {
    for (const total of [0, 10, 250, 400, 1_000]) {
      const sizes = workflowCacheSizes(total, queues);
      expect([...sizes.keys()].sort()).toEqual([...queues].sort());
      expect([...sizes.values()].reduce((a, b) => a + b, 0)).toBe(total);
      expect(sizes.get(TASK_QUEUES.messages)).toBeGreaterThanOrEqual(Math.floor(total * 0.8));
      expect([...sizes.values()].every((n) => Number.isInteger(n) && n >= 0)).toBe(true);
    }
  });
});
