/**
 * AlimTalk templates (SPEC §2): `#{name}` variables, at most 40, no '.' in a name, code ≤ 20
 * characters, text ≤ 1,000 characters. A template is checked when the merchant registers it and
 * rendered when a message is sent from it.
 */
import { violation, type Refused, type RuleViolation } from './rules';
import { charLength, formatCount, given } from './text';

export const TEMPLATE_TEXT_LIMIT = 1_000;
export const TEMPLATE_VARIABLE_LIMIT = 40;
export const TEMPLATE_CODE_PATTERN = /^[A-Za-z0-9_-]{1,20}$/;

export const TEMPLATE_STATUSES = ['requested', 'approved', 'rejected'] as const;
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];

/** Kakao button types: WL web link, AL app link, BK bot keyword, MD message delivery, DS delivery search. */
export const TEMPLATE_BUTTON_TYPES = ['WL', 'AL', 'BK', 'MD', 'DS'] as const;

/** A template button as merchants register it (POST /v1/templates). */
export interface TemplateButton {
  type: (typeof TEMPLATE_BUTTON_TYPES)[number];
  name: string;
  url?: string;
}

/** `#{name}`: everything up to the first '}' is the name, so a stray '#' or '.' is caught as invalid. */
const VARIABLE = /#\{([^}]*)\}/g;

const templateVariables = (text: string): string[] => [...new Set(Array.from(text.matchAll(VARIABLE), (m) => m[1]))];

function checkVariableName(name: string): RuleViolation[] {
  const problem =
    name === '' ? 'is empty' : name.includes('.') ? "contains '.'" : name.includes('#') ? "contains '#'" : undefined;
  if (problem === undefined) return [];
  return [
    violation(
      'invalid_template_variable_name',
      'text',
      `Template variable #{${name}} ${problem}; a name must be non-empty and contain no '.', '#' or '}'.`,
      { name },
    ),
  ];
}

/** Validates a template at registration; returns its distinct variable names in order of appearance. */
export function parseTemplate(code: string, text: string): { ok: true; variables: string[] } | Refused {
  const violations: RuleViolation[] = [];
  if (!TEMPLATE_CODE_PATTERN.test(code)) {
    violations.push(
      violation(
        'invalid_template_code',
        'code',
        `Template code '${code}' must be 1–20 characters of A–Z, a–z, 0–9, '_' or '-'.`,
        { actual: code },
      ),
    );
  }
  if (!given(text)) violations.push(violation('text_required', 'text', 'A template needs its text.'));
  const length = charLength(text);
  if (length > TEMPLATE_TEXT_LIMIT) {
    violations.push(
      violation(
        'text_too_long',
        'text',
        `Template text is ${formatCount(length)} characters, over the limit of ${formatCount(TEMPLATE_TEXT_LIMIT)} characters.`,
        { limit: TEMPLATE_TEXT_LIMIT, actual: length },
      ),
    );
  }
  const variables = templateVariables(text);
  violations.push(...variables.flatMap(checkVariableName));
  if (variables.length > TEMPLATE_VARIABLE_LIMIT) {
    violations.push(
      violation(
        'too_many_template_variables',
        'text',
        `Template has ${variables.length} distinct variables, over the limit of ${TEMPLATE_VARIABLE_LIMIT}.`,
        {
          limit: TEMPLATE_VARIABLE_LIMIT,
          actual: variables.length,
        },
      ),
    );
  }
  return violations.length > 0 ? { ok: false, violations } : { ok: true, variables };
}

/** Fills a template's `#{name}` slots; every slot needs a value and every value a slot. */
export function renderTemplate(
  templateText: string,
  variables: Record<string, string>,
): { ok: true; text: string } | Refused {
  const names = templateVariables(templateText);
  const missing = names.filter((name) => !Object.hasOwn(variables, name));
  const unknown = Object.keys(variables).filter((name) => !names.includes(name));
  const violations = [
    ...missing.map((name) =>
      violation('template_variable_missing', `variables.${name}`, `The template needs a value for #{${name}}.`, {
        name,
      }),
    ),
    ...unknown.map((name) =>
      violation(
        'template_variable_unknown',
        `variables.${name}`,
        `The template has no variable #{${name}}; remove it from variables.`,
        { name },
      ),
    ),
  ];
  if (violations.length > 0) return { ok: false, violations };
  // A function replacer: values are inserted literally ('$&' stays '$&') and never re-expanded.
  return { ok: true, text: templateText.replace(VARIABLE, (_slot, name: string) => variables[name]) };
}

/** A request that also sends `text` must send exactly the rendered template (SPEC §2). */
export function checkRenderedText(rendered: string, text: string): RuleViolation[] {
  if (text === rendered) return [];
  const a = [...rendered];
  const b = [...text];
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [
    violation(
      'template_text_mismatch',
      'text',
      `text differs from the rendered template at character ${i + 1}; send exactly the rendered text or omit text.`,
      {
        position: i + 1,
      },
    ),
  ];
}

/** A message may be sent only from the merchant's own template, and only once Kakao approved it. */
export function usableTemplate<T extends { code: string; status: TemplateStatus }>(
  templateCode: string,
  template: T | undefined,
): { ok: true; template: T } | Refused {
  if (template === undefined || template.code !== templateCode) {
    return {
      ok: false,
      violations: [
        violation(
          'template_not_found',
          'templateCode',
          `No template '${templateCode}' is registered for this merchant.`,
        ),
      ],
    };
  }
  if (template.status === 'approved') return { ok: true, template };
  const state = template.status === 'rejected' ? 'was rejected by Kakao' : 'is still under Kakao review';
  return {
    ok: false,
    violations: [
      violation(
        'template_not_approved',
        'templateCode',
        `Template '${template.code}' ${state}; only approved templates can be sent.`,
        { status: template.status },
      ),
    ],
  };
}
