/**
 * The one error shape of SPEC §7: `{"error": {"code", "message", "details"}}`. Every failure the API
 * answers — validation, auth, state conflicts, business rules, unknown routes — goes through here.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { z } from 'zod';
import type { RuleViolation } from '../domain/rules';
import { CommitOutcomeUnknown, isDatabaseUnavailable } from '../platform/db';
import type { Logger } from '../platform/logger';
import { isTemporalUnavailable } from '../platform/temporal';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const badRequest = (code: string, message: string, details?: unknown) =>
  new ApiError(400, code, message, details);
export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} not found`);
export const conflict = (code: string, message: string, details?: unknown) => new ApiError(409, code, message, details);
export const unprocessable = (code: string, message: string, details?: unknown) =>
  new ApiError(422, code, message, details);

/** 422 for one or more business-rule violations: the first one names the error, all are in details. */
export function ruleViolations(violations: RuleViolation[]): ApiError {
  const [first] = violations;
  return new ApiError(422, first.code, first.message, { violations });
}

export function zodDetails(error: z.ZodError) {
  return {
    issues: error.issues.map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message })),
  };
}

/** Parses input with a zod schema; 400 `invalid_request` with the zod issues when it does not fit. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, where = 'request body'): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const first = result.error.issues[0];
    const at = first.path.length ? ` at ${first.path.join('.')}` : '';
    throw badRequest('invalid_request', `invalid ${where}${at}: ${first.message}`, zodDetails(result.error));
  }
  return result.data;
}

export const unknownRoute: RequestHandler = (req) => {
  throw new ApiError(404, 'route_not_found', `no route for ${req.method} ${req.path}`);
};

interface BodyParserError extends Error {
  type?: string;
  status?: number;
  limit?: number;
}

/** Seconds a client should wait before retrying after a dependency outage (a restart or failover). */
const RETRY_AFTER_OUTAGE_S = 2;

/**
 * 503 for a dependency that could not be reached: the request may be retried. When the outage hit
 * while committing, whether the request took effect is unknown, and the answer says so.
 */
function unavailable(err: unknown): ApiError | undefined {
  if (err instanceof CommitOutcomeUnknown)
    return new ApiError(
      503,
      'service_unavailable',
      'the database connection was lost while this request was being committed: it may or may not have taken effect. Retrying with the same Idempotency-Key is safe: it answers with what was stored, or stores it now.',
      { dependency: 'database', outcome: 'unknown' },
    );
  if (isDatabaseUnavailable(err))
    return new ApiError(503, 'service_unavailable', 'the database cannot be reached right now; retry shortly', {
      dependency: 'database',
    });
  if (isTemporalUnavailable(err))
    return new ApiError(503, 'service_unavailable', 'the workflow service cannot be reached right now; retry shortly', {
      dependency: 'temporal',
    });
  return undefined;
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    let apiError: ApiError;
    const bp = err as BodyParserError;
    if (err instanceof ApiError) apiError = err;
    else if (bp?.type === 'entity.parse.failed')
      apiError = badRequest('malformed_json', 'request body is not valid JSON');
    else if (bp?.type === 'entity.too.large')
      apiError = new ApiError(413, 'payload_too_large', `request body exceeds ${bp.limit} bytes`);
    else if (bp?.type === 'encoding.unsupported' || bp?.type === 'charset.unsupported')
      apiError = new ApiError(415, 'unsupported_encoding', bp.message);
    else if (err instanceof z.ZodError) apiError = badRequest('invalid_request', 'invalid request', zodDetails(err));
    else if (err instanceof URIError)
      apiError = badRequest('malformed_path', 'the path is not valid percent-encoded UTF-8');
    else if (typeof bp?.status === 'number' && bp.status >= 400 && bp.status < 500)
      // The body parser's other refusals (a body that does not inflate, a wrong length, an aborted upload).
      apiError = new ApiError(bp.status, 'unreadable_body', bp.message);
    else {
      const outage = unavailable(err);
      if (outage) logger.warn({ err, method: req.method, path: req.path }, 'dependency unavailable');
      else logger.error({ err, method: req.method, path: req.path }, 'unhandled error');
      apiError = outage ?? new ApiError(500, 'internal_error', 'internal error; the request may be retried');
    }
    if (apiError.status === 503) res.setHeader('Retry-After', String(RETRY_AFTER_OUTAGE_S));
    else if (apiError.status >= 500) res.setHeader('Retry-After', '1');
    res.status(apiError.status).json({
      error: {
        code: apiError.code,
        message: apiError.message,
        ...(apiError.details !== undefined ? { details: apiError.details } : {}),
      },
    });
  };
}
