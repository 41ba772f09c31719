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

/** Kakao button types: WL web link, AL app link, DS delivery tracking, BK bot keyword, MD message delivery. */
export const TEMPLATE_BUTTON_TYPES = ['WL', 'AL', 'DS', 'BK', 'MD'] as const;
export type TemplateButtonType = (typeof TEMPLATE_BUTTON_TYPES)[number];
export const TEMPLATE_BUTTON_LIMIT = 5;
export const TEMPLATE_BUTTON_NAME_LIMIT = 14;

/**
 * A button of an AlimTalk template, as Kakao reviews it and sends it with every message. A web link
 * opens `urlMobile` (and `urlPc` on a computer); an app link opens the app by its scheme; the others
 * carry no link: delivery tracking reads the parcel number from the message, a bot keyword and
 * message delivery talk to the channel.
 */
export interface TemplateButton {
  type: TemplateButtonType;
  name: string;
  urlMobile?: string;
  urlPc?: string;
  schemeAndroid?: string;
  schemeIos?: string;
}

const LINK_FIELDS = ['urlMobile', 'urlPc', 'schemeAndroid', 'schemeIos'] as const;
/** The link fields each button type may carry; Kakao refuses any other. */
const LINKS_OF: Readonly<Record<TemplateButtonType, readonly (typeof LINK_FIELDS)[number][]>> = {
  WL: ['urlMobile', 'urlPc'],
  AL: ['schemeAndroid', 'schemeIos', 'urlMobile', 'urlPc'],
  DS: [],
  BK: [],
  MD: [],
};
const WEB_URL = /^https?:\/\/[^\s/?#]+\.[^\s]*$/i;
const APP_SCHEME = /^[a-z][a-z0-9+.-]*:\/\/\S*$/i;

function checkButton(b: TemplateButton, i: number): RuleViolation[] {
  const at = `buttons[${i}]`;
  const violations: RuleViolation[] = [];
  const name = charLength(b.name.trim());
  if (name === 0 || name > TEMPLATE_BUTTON_NAME_LIMIT)
    violations.push(
      violation(
        'invalid_button_name',
        `${at}.name`,
        `A button name is 1–${TEMPLATE_BUTTON_NAME_LIMIT} characters; '${b.name}' is ${name}.`,
        { limit: TEMPLATE_BUTTON_NAME_LIMIT, actual: name },
      ),
    );
  for (const f of LINK_FIELDS) {
    if (b[f] === undefined) continue;
    if (!LINKS_OF[b.type].includes(f))
      violations.push(violation('button_link_not_allowed', `${at}.${f}`, `A ${b.type} button has no ${f}.`));
    else if (!(f.startsWith('url') ? WEB_URL : APP_SCHEME).test(b[f]))
      violations.push(
        violation(
          'invalid_button_link',
          `${at}.${f}`,
          f.startsWith('url') ? `${f} must be an http(s) URL.` : `${f} must be an app scheme such as "myapp://order".`,
        ),
      );
  }
  if (b.type === 'WL' && b.urlMobile === undefined)
    violations.push(
      violation(
        'button_link_required',
        `${at}.urlMobile`,
        'A web link (WL) button needs urlMobile, the page it opens.',
      ),
    );
  if (b.type === 'AL' && b.schemeAndroid === undefined && b.schemeIos === undefined)
    violations.push(
      violation(
        'button_link_required',
        `${at}.schemeAndroid`,
        'An app link (AL) button needs the app scheme it opens: schemeAndroid, schemeIos or both.',
      ),
    );
  return violations;
}

/** Kakao's button rules: at most 5, each named in ≤ 14 characters, with the links its type needs and no others. */
export function checkButtons(buttons: readonly TemplateButton[]): RuleViolation[] {
  const violations = buttons.flatMap(checkButton);
  if (buttons.length > TEMPLATE_BUTTON_LIMIT)
    violations.unshift(
      violation(
        'too_many_buttons',
        'buttons',
        `A template has at most ${TEMPLATE_BUTTON_LIMIT} buttons; this one has ${buttons.length}.`,
        { limit: TEMPLATE_BUTTON_LIMIT, actual: buttons.length },
      ),
    );
  return violations;
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

/** Validates a template at registration or edit; returns its distinct variable names in order of appearance. */
export function parseTemplate(
  code: string,
  text: string,
  buttons: readonly TemplateButton[] = [],
): { ok: true; variables: string[] } | Refused {
  const violations: RuleViolation[] = checkButtons(buttons);
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

/**
 * A template as messages see it: the review state of its latest version, and the version Kakao
 * approved last — which keeps sending while an edit is under review.
 */
export interface SendableTemplate {
  code: string;
  status: TemplateStatus;
  approved: { text: string; buttons: TemplateButton[] } | null;
}

/** A message may be sent only from the merchant's own template, and only from a version Kakao approved. */
export function usableTemplate(
  templateCode: string,
  template: SendableTemplate | undefined,
): { ok: true; text: string; buttons: TemplateButton[] } | Refused {
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
  if (template.approved) return { ok: true, ...template.approved };
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
