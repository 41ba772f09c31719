/** GET /health: 200 only when PostgreSQL and Temporal both answer. */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Client } from '@temporalio/client';
import type { Router } from 'express';
import type { Db } from '../../platform/db';
import { pingDatabase } from '../../store/health';
import { z } from '../openapi';
import { defineRoute } from '../route';

const Health = z
  .object({
    status: z.enum(['ok', 'unavailable']),
    checks: z.object({ database: z.enum(['ok', 'unavailable']), temporal: z.enum(['ok', 'unavailable']) }),
  })
  .openapi('Health');

async function probe(check: () => Promise<unknown>, timeoutMs = 2_000): Promise<'ok' | 'unavailable'> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), timeoutMs))),
    ]);
    return 'ok';
  } catch {
    return 'unavailable';
  } finally {
    clearTimeout(timer);
  }
}

export function healthRoutes(router: Router, registry: OpenAPIRegistry, db: Db, temporal: Client): void {
  defineRoute(router, registry, {
    method: 'get',
    path: '/health',
    tag: 'Platform',
    summary: 'Liveness of the API, its database and Temporal',
    access: 'public',
    responses: {
      200: { description: 'Everything answers', schema: Health },
      503: { description: 'A dependency does not answer', schema: Health },
    },
    handler: async () => {
      const [database, temporalCheck] = await Promise.all([
        probe(() => pingDatabase(db)),
        probe(() => temporal.workflowService.getSystemInfo({})),
      ]);
      const ok = database === 'ok' && temporalCheck === 'ok';
      return {
        status: ok ? 200 : 503,
        body: { status: ok ? 'ok' : 'unavailable', checks: { database, temporal: temporalCheck } },
      };
    },
  });
}
