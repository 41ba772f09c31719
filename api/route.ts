/**
 * One definition per endpoint: the zod schemas validate the request and document it in
 * /openapi.json, so the two cannot drift apart.
 */
import type { OpenAPIRegistry, ResponseConfig } from '@asteasolutions/zod-to-openapi';
import express, { type Request, type Response, type Router } from 'express';
import type { z } from 'zod';
import { principal as getPrincipal, requireOperator, type Principal } from './auth';
import { ErrorResponse } from './openapi';
import { parseInput } from './errors';
import { checkText } from './input-safety';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Who may call: `operator` only, any `authenticated` key, or `public` (health, docs, signed carrier reports). */
export type Access = 'operator' | 'authenticated' | 'public';

export interface HandlerContext<B, Q, P> {
  req: Request;
  res: Response;
  body: B;
  query: Q;
  params: P;
  principal: Principal;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** The handler wrote the response itself (files). */
  raw?: true;
}

export interface RouteSpec<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType> {
  method: Method;
  path: string;
  summary: string;
  description?: string;
  tag: string;
  access: Access;
  body?: B;
  query?: Q;
  params?: P;
  headers?: z.ZodObject;
  /** Body size limit for this route (default: the app's, 1 MB). */
  bodyLimit?: string;
  /** Each answer: its description alone, or with its body's schema (an error's body is always ErrorResponse). */
  responses: Record<number, string | { description: string; schema?: z.ZodType }>;
  handler: (ctx: HandlerContext<z.output<B>, z.output<Q>, z.output<P>>) => Promise<Reply>;
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed or invalid input (zod issues in details)',
  401: 'Missing or invalid API key',
  403: 'The key may not do this',
  413: 'Request body too large',
};

/** The 404 of a resource the caller may not see: it answers as if there were none (never 403: SPEC §7). */
export const notYours = (what: string) => `No such ${what}, or not yours`;

/** The answers of a read of one resource the caller may see (the `visibleContract` kind). */
export const visible = (what: string, schema: z.ZodType) => ({
  200: { description: `The ${what}`, schema },
  404: notYours(what),
});

const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z]+)/g, '{$1}');

export function defineRoute<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType>(
  router: Router,
  registry: OpenAPIRegistry,
  spec: RouteSpec<B, Q, P>,
): void {
  const responses: Record<number, ResponseConfig> = {};
  const errorResponse = (description: string): ResponseConfig => ({
    description,
    content: { 'application/json': { schema: ErrorResponse } },
  });
  for (const [status, r] of Object.entries(spec.responses)) {
    const { description, schema: own } = typeof r === 'string' ? { description: r, schema: undefined } : r;
    const schema = own ?? (Number(status) >= 400 ? ErrorResponse : undefined);
    responses[Number(status)] = schema ? { description, content: { 'application/json': { schema } } } : { description };
  }
  const implied: number[] = [];
  if (spec.body || spec.query) implied.push(400);
  if (spec.access !== 'public') implied.push(401);
  if (spec.access === 'operator') implied.push(403);
  if (spec.body) implied.push(413);
  for (const s of implied) responses[s] ??= errorResponse(ERROR_DESCRIPTIONS[s]);

  registry.registerPath({
    method: spec.method,
    path: toOpenApiPath(spec.path),
    summary: spec.summary,
    description: spec.description,
    tags: [spec.tag],
    security: spec.access === 'public' ? [] : [{ bearer: [] }],
    request: {
      ...(spec.body ? { body: { content: { 'application/json': { schema: spec.body } }, required: true } } : {}),
      ...(spec.query ? { query: spec.query as unknown as z.ZodObject } : {}),
      ...(spec.params ? { params: spec.params as unknown as z.ZodObject } : {}),
      ...(spec.headers ? { headers: spec.headers } : {}),
    },
    responses,
  });

  const handlers: express.RequestHandler[] = [];
  if (spec.body) {
    handlers.push(
      express.json({
        limit: spec.bodyLimit ?? '1mb',
        strict: true,
        type: () => true,
        // Signed requests (carrier reports) are verified over the exact bytes received.
        verify: (req, _res, buf) => {
          (req as Request & { rawBody?: string }).rawBody = buf.toString('utf8');
        },
      }),
    );
  }
  if (spec.access === 'operator') handlers.push(requireOperator);
  handlers.push(async (req, res) => {
    if (spec.body) checkText(req.body, 'request body');
    const body = spec.body ? parseInput(spec.body, req.body ?? undefined) : undefined;
    const query = spec.query ? parseInput(spec.query, req.query, 'query') : undefined;
    const params = spec.params ? parseInput(spec.params, req.params, 'path') : undefined;
    const principal = spec.access === 'public' ? (undefined as unknown as Principal) : getPrincipal(res);
    const reply = await spec.handler({ req, res, body, query, params, principal } as HandlerContext<
      z.output<B>,
      z.output<Q>,
      z.output<P>
    >);
    if (reply.raw) return;
    for (const [k, v] of Object.entries(reply.headers ?? {})) res.setHeader(k, v);
    if (reply.body === undefined) res.status(reply.status).end();
    else res.status(reply.status).json(reply.body);
  });
  router[spec.method](spec.path, ...handlers);
}
