/**
 * How a domain rule says no: a stable snake_case code a merchant's developer can act on, a sentence
 * for people, and the field and limits involved. The HTTP status of a code is the API's business
 * (api/rule-status.ts), never the rule's.
 */
export interface RuleViolation {
  code: string;
  message: string;
  field?: string;
  [key: string]: unknown;
}

/** The refusal branch of every `{ ok: true, … } | { ok: false, violation }` decision; `Code` narrows its codes. */
export interface Refusal<Code extends string = string> {
  ok: false;
  violation: RuleViolation & { code: Code };
}

export const refuse = <Code extends string>(
  code: Code,
  message: string,
  extra: Omit<RuleViolation, 'code' | 'message'> = {},
): Refusal<Code> => ({
  ok: false,
  violation: { code, message, ...extra },
});

/** The refusal branch of a check that names every problem at once. */
export type Refused = { ok: false; violations: RuleViolation[] };

/** A violation about one request field (or, with `field` undefined, the request as a whole). */
export function violation(
  code: string,
  field: string | undefined,
  message: string,
  details: Record<string, unknown> = {},
): RuleViolation {
  return field === undefined ? { code, message, ...details } : { code, message, field, ...details };
}
