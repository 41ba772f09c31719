/**
 * Input no handler should ever see (SPEC §7: bad input gets a 4xx, never a 5xx): URLs that are not
 * valid percent-encoded UTF-8, and text PostgreSQL cannot store — the NUL character (text and jsonb
 * refuse it) and unpaired UTF-16 surrogates (jsonb refuses their escapes). Checked before any query.
 */
import type { RequestHandler } from 'express';
import { badRequest } from './errors';

const NUL = '\u0000';
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function strictDecode(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

/** 400 for a path or query string that does not decode, or decodes to a NUL character. */
export const checkUrl: RequestHandler = (req, _res, next) => {
  const url = req.originalUrl;
  const q = url.indexOf('?');
  const path = strictDecode(q < 0 ? url : url.slice(0, q));
  if (path === undefined) throw badRequest('malformed_path', 'the path is not valid percent-encoded UTF-8');
  if (path.includes(NUL)) throw badRequest('invalid_characters', 'the path contains a NUL character');
  if (q >= 0) {
    for (const part of url.slice(q + 1).split(/[&=]/)) {
      const decoded = strictDecode(part.replace(/\+/g, ' '));
      if (decoded === undefined)
        throw badRequest('malformed_query', 'the query string is not valid percent-encoded UTF-8');
      if (decoded.includes(NUL)) throw badRequest('invalid_characters', 'the query string contains a NUL character');
    }
  }
  next();
};

/** The path (`a.b.0`) of the first string in `value` (keys included) that cannot be stored, if any. */
export function unstorableText(value: unknown, at: string[] = []): string | undefined {
  const bad = (s: string) => s.includes(NUL) || LONE_SURROGATE.test(s);
  if (typeof value === 'string') return bad(value) ? at.join('.') : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [k, v] of Object.entries(value)) {
    if (bad(k)) return [...at, k].join('.');
    const found = unstorableText(v, [...at, k]);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** 400 `invalid_characters` naming the field, for a body with text that cannot be stored. */
export function checkText(value: unknown, where: string): void {
  const field = unstorableText(value);
  if (field === undefined) return;
  throw badRequest(
    'invalid_characters',
    `${where}${field ? ` at ${field}` : ''} contains a NUL character or an unpaired surrogate, which is not text`,
    { field },
  );
}
