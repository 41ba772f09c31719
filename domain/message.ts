/**
 * Message types and the rules a send request must pass before it is accepted (SPEC §2, §4;
 * Art. 2.1, form §2나). Every refusal happens here, at acceptance, so an accepted message never
 * fails later for its content: the API calls `checkMessage` and hands the `SendPlan` on.
 */
import { addDays, kstDate, kstStartOf, toKstIso } from './calendar-kst';
import { eucKrLength } from './euckr';
import type { RuleViolation } from './rules';

export const MESSAGE_TYPES = ['sms', 'lms', 'alimtalk', 'friendtalk', 'friendtalk_image'] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

export const KAKAO_TYPES = ['alimtalk', 'friendtalk', 'friendtalk_image'] as const;
export type KakaoType = (typeof KAKAO_TYPES)[number];

/** The channel a message is tried on or was delivered by: its own type, or SMS/LMS as fallback. */
export type Channel = MessageType;
export type FallbackChannel = 'sms' | 'lms';

export const isKakaoType = (type: MessageType): type is KakaoType => type !== 'sms' && type !== 'lms';
/** FriendTalk is advertising-capable, so it follows the ad rules (SPEC §4, 정보통신망법 §50). */
export const isAdType = (type: MessageType): boolean => type === 'friendtalk' || type === 'friendtalk_image';

/** Art. 2.1 says 80 bytes; carriers commonly take 90, so this is only the default (SPEC §2). */
export const DEFAULT_SMS_BYTE_LIMIT = 80;
export const LMS_BYTE_LIMIT = 2_000;
export const SUBJECT_BYTE_LIMIT = 40;
/** Characters (code points, any script, spaces included) per Kakao message (SPEC §2). */
export const KAKAO_CHAR_LIMIT: Readonly<Record<KakaoType, number>> = {
  alimtalk: 1_000,
  friendtalk: 1_000,
  friendtalk_image: 400,
};
export const TEMPLATE_TEXT_LIMIT = 1_000;
export const TEMPLATE_VARIABLE_LIMIT = 40;
export const TEMPLATE_CODE_PATTERN = /^[A-Za-z0-9_-]{1,20}$/;

export type TemplateStatus = 'requested' | 'approved' | 'rejected';

export interface FallbackRequest {
  enabled: boolean;
  text?: string;
  subject?: string;
}

export interface MessageRequest {
  type: MessageType;
  text?: string;
  subject?: string;
  templateCode?: string;
  variables?: Record<string, string>;
  imageUrl?: string;
  fallback?: FallbackRequest;
}

export interface MessageContext {
  smsByteLimit: number;
  /** The merchant's name, which an ad must carry (정보통신망법 §50). */
  senderName: string;
  /** The merchant's template with the request's `templateCode`, when there is one. */
  template?: { code: string; text: string; status: TemplateStatus };
  now: Date;
  /** Hold a FriendTalk requested in Kakao's ad quiet hours until they end, instead of refusing it. */
  holdDuringQuietHours?: boolean;
}

export interface FallbackPlan {
  channel: FallbackChannel;
  text: string;
  subject?: string;
}

export interface SendPlan {
  type: MessageType;
  /** The first channel to try. */
  channel: Channel;
  /** The final text: for AlimTalk the rendered template. */
  text: string;
  subject?: string;
  /** EUC-KR bytes of the body, for SMS/LMS. */
  bytes?: number;
  templateCode?: string;
  imageUrl?: string;
  fallback: FallbackPlan | null;
  /** A FriendTalk held until Kakao's ad window opens. */
  notBefore?: Date;
}

export type Refused = { ok: false; violations: RuleViolation[] };
export type MessageCheck = { ok: true; plan: SendPlan } | Refused;

const fmt = (n: number) => n.toLocaleString('en-US');
/** Blank strings count as absent: JSON clients often send "" for "none". */
const given = (s: string | undefined): s is string => s !== undefined && s.trim() !== '';

/** Kakao counts characters, not UTF-16 units: an emoji is one. */
export const charLength = (text: string): number => [...text].length;

function violation(
  code: string,
  field: string | undefined,
  message: string,
  details: Record<string, unknown> = {},
): RuleViolation {
  return field === undefined ? { code, message, ...details } : { code, message, field, ...details };
}

/** EUC-KR bytes of a text, or the violation naming the character it cannot carry (SPEC §2). */
function measure(
  text: string,
  field: string,
  channel: string,
  remedy = 'remove or replace it',
): number | RuleViolation {
  const length = eucKrLength(text);
  if (length.ok) return length.bytes;
  const { char, position, codePoint } = length;
  return violation(
    'unencodable_character',
    field,
    `${field} contains '${char}' (${codePoint}) at character ${position}, which EUC-KR cannot encode, so it cannot go out as ${channel}; ${remedy}.`,
    { char, codePoint, position },
  );
}

function checkSubject(subject: string, field: string): RuleViolation[] {
  const bytes = measure(subject, field, 'an LMS subject');
  if (typeof bytes !== 'number') return [bytes];
  if (bytes <= SUBJECT_BYTE_LIMIT) return [];
  return [
    violation(
      'subject_too_long',
      field,
      `${field} is ${fmt(bytes)} bytes in EUC-KR, over the subject limit of ${SUBJECT_BYTE_LIMIT} bytes.`,
      { limit: SUBJECT_BYTE_LIMIT, actual: bytes },
    ),
  ];
}

interface Content {
  text?: string;
  subject?: string;
  bytes?: number;
  violations: RuleViolation[];
}

/** SMS (Art. 2.1): a plain SMS request is never upgraded to LMS; the caller chooses `lms`. */
function smsContent(text: string, subject: string | undefined, smsByteLimit: number): Content {
  const violations: RuleViolation[] = [];
  if (given(subject))
    violations.push(
      violation(
        'sms_subject_not_allowed',
        'subject',
        `An SMS has no subject; send it as type 'lms' to use a subject (up to ${SUBJECT_BYTE_LIMIT} bytes).`,
      ),
    );
  const bytes = measure(text, 'text', 'SMS');
  if (typeof bytes !== 'number') return { text, violations: [...violations, bytes] };
  if (bytes > smsByteLimit) {
    violations.push(
      violation(
        'sms_too_long',
        'text',
        `text is ${fmt(bytes)} bytes in EUC-KR, over the SMS limit of ${fmt(smsByteLimit)} bytes; send it as type 'lms' (up to ${fmt(LMS_BYTE_LIMIT)} bytes).`,
        {
          limit: smsByteLimit,
          actual: bytes,
        },
      ),
    );
  }
  return { text, bytes, violations };
}

function lmsContent(text: string, subject: string | undefined): Content {
  const violations = given(subject) ? checkSubject(subject, 'subject') : [];
  const bytes = measure(text, 'text', 'LMS');
  if (typeof bytes !== 'number') return { text, violations: [...violations, bytes] };
  if (bytes > LMS_BYTE_LIMIT) {
    violations.push(
      violation(
        'lms_too_long',
        'text',
        `text is ${fmt(bytes)} bytes in EUC-KR, over the LMS limit of ${fmt(LMS_BYTE_LIMIT)} bytes.`,
        { limit: LMS_BYTE_LIMIT, actual: bytes },
      ),
    );
  }
  return { text, subject: given(subject) ? subject : undefined, bytes, violations };
}

function checkKakaoLength(type: KakaoType, text: string): RuleViolation[] {
  const limit = KAKAO_CHAR_LIMIT[type];
  const actual = charLength(text);
  if (actual <= limit) return [];
  return [
    violation(
      'text_too_long',
      'text',
      `text is ${fmt(actual)} characters, over the ${type} limit of ${fmt(limit)} characters.`,
      { limit, actual },
    ),
  ];
}

// --- AlimTalk templates (SPEC §2: `#{name}` variables, at most 40, no '.', code ≤ 20) ---

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
        `Template text is ${fmt(length)} characters, over the limit of ${fmt(TEMPLATE_TEXT_LIMIT)} characters.`,
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

function alimtalkContent(request: MessageRequest, context: MessageContext): Content {
  const { template } = context;
  if (!given(request.templateCode)) return { violations: [] };
  if (template === undefined || template.code !== request.templateCode) {
    return {
      violations: [
        violation(
          'template_not_found',
          'templateCode',
          `No template '${request.templateCode}' is registered for this merchant.`,
        ),
      ],
    };
  }
  if (template.status !== 'approved') {
    const state = template.status === 'rejected' ? 'was rejected by Kakao' : 'is still under Kakao review';
    return {
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
  const rendered = renderTemplate(template.text, request.variables ?? {});
  if (!rendered.ok) return { violations: rendered.violations };
  const mismatch = given(request.text) ? checkRenderedText(rendered.text, request.text) : [];
  return { text: rendered.text, violations: [...mismatch, ...checkKakaoLength('alimtalk', rendered.text)] };
}

// --- Fallback (대체발송, form §2나) ---

/**
 * The SMS/LMS that goes out when a Kakao message fails: the request's own fallback text/subject, or
 * else the Kakao text itself (a FriendTalk image's text part only). SMS when it fits the SMS limit
 * and has no subject, else LMS; anything LMS cannot carry is refused now rather than failing later.
 */
export function planFallback(
  kakaoText: string,
  fallback: FallbackRequest | undefined,
  smsByteLimit: number,
): { ok: true; plan: FallbackPlan | null } | Refused {
  if (!fallback?.enabled) return { ok: true, plan: null };
  const text = given(fallback.text) ? fallback.text : kakaoText;
  const field = given(fallback.text) ? 'fallback.text' : 'text';
  const subject = given(fallback.subject) ? fallback.subject : undefined;
  const violations = subject === undefined ? [] : checkSubject(subject, 'fallback.subject');
  const remedy = field === 'text' ? 'remove or replace it, or give a fallback.text' : 'remove or replace it';
  const bytes = measure(text, field, 'the SMS/LMS fallback', remedy);
  if (typeof bytes !== 'number') violations.push(bytes);
  else if (bytes > LMS_BYTE_LIMIT) {
    violations.push(
      violation(
        'fallback_too_long',
        field,
        `The fallback from ${field} is ${fmt(bytes)} bytes in EUC-KR, over the LMS limit of ${fmt(LMS_BYTE_LIMIT)} bytes; shorten it or give a shorter fallback.text.`,
        {
          limit: LMS_BYTE_LIMIT,
          actual: bytes,
        },
      ),
    );
  }
  if (violations.length > 0 || typeof bytes !== 'number') return { ok: false, violations };
  const channel: FallbackChannel = bytes <= smsByteLimit && subject === undefined ? 'sms' : 'lms';
  return { ok: true, plan: subject === undefined ? { channel, text } : { channel, text, subject } };
}

// --- Advertising (정보통신망법 §50; SPEC §4) ---

export const AD_MARKER = '(광고)';
const OPT_OUT = /수신\s?거부/;
/** A merchant registered as "주식회사 바른상점" may sign its ads "바른상점". */
const CORPORATE_FORM = /\(주\)|㈜|주식회사|\(유\)|유한회사|\(사\)|사단법인|\(재\)|재단법인/g;
const compact = (s: string) => s.replace(/\s+/g, '');

function mentionsSender(text: string, senderName: string): boolean {
  const body = compact(text);
  const names = [compact(senderName), compact(senderName.replace(CORPORATE_FORM, ''))].filter((n) => n !== '');
  return names.some((name) => body.includes(name));
}

/** An ad starts with "(광고)", names its sender and tells how to opt out for free (§50 ④). */
export function checkAdContent(text: string, senderName: string, field: string): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (!text.startsWith(AD_MARKER)) {
    violations.push(
      violation('ad_marker_missing', field, `${field} is an advertisement and must start with "${AD_MARKER}".`),
    );
  }
  if (!mentionsSender(text, senderName)) {
    violations.push(
      violation(
        'ad_sender_name_missing',
        field,
        `${field} is an advertisement and must name its sender "${senderName}".`,
        { senderName },
      ),
    );
  }
  if (!OPT_OUT.test(text)) {
    violations.push(
      violation(
        'ad_opt_out_missing',
        field,
        `${field} is an advertisement and must tell how to opt out for free (e.g. "무료수신거부 080-123-4567").`,
      ),
    );
  }
  return violations;
}

const MINUTE_MS = 60_000;
const AD_WINDOW_OPENS_MS = 8 * 60 * MINUTE_MS;
const AD_WINDOW_CLOSES_MS = (20 * 60 + 50) * MINUTE_MS;

/** Kakao delivers no ads from 20:50 to 08:00 KST (SPEC §4); when closed, the next 08:00 KST. */
export function adWindow(now: Date): { open: true } | { open: false; opensAt: Date } {
  const today = kstDate(now);
  const sinceMidnight = +now - +kstStartOf(today);
  if (sinceMidnight < AD_WINDOW_OPENS_MS) return { open: false, opensAt: kstStartOf(today, 8) };
  if (sinceMidnight >= AD_WINDOW_CLOSES_MS) return { open: false, opensAt: kstStartOf(addDays(today, 1), 8) };
  return { open: true };
}

function quietHours(context: MessageContext): { violations: RuleViolation[]; notBefore?: Date } {
  const window = adWindow(context.now);
  if (window.open) return { violations: [] };
  if (context.holdDuringQuietHours) return { violations: [], notBefore: window.opensAt };
  const opensAt = toKstIso(window.opensAt);
  return {
    violations: [
      violation(
        'ad_quiet_hours',
        undefined,
        `Kakao delivers no advertising (FriendTalk) between 20:50 and 08:00 KST; send it at or after ${opensAt}, or ask for it to be held until then.`,
        {
          opensAt,
        },
      ),
    ],
  };
}

// --- The whole request ---

/** Fields each type needs, and fields it must not carry (so nothing is silently ignored). */
function checkFields(request: MessageRequest): RuleViolation[] {
  const { type } = request;
  const violations: RuleViolation[] = [];
  if (type === 'alimtalk') {
    if (!given(request.templateCode))
      violations.push(
        violation('template_code_required', 'templateCode', 'An AlimTalk is sent from a template: give templateCode.'),
      );
  } else {
    if (!given(request.text)) violations.push(violation('text_required', 'text', `A ${type} message needs text.`));
    if (request.templateCode !== undefined)
      violations.push(
        violation('template_not_allowed', 'templateCode', `templateCode is only for type 'alimtalk', not '${type}'.`),
      );
    if (request.variables !== undefined)
      violations.push(
        violation('template_not_allowed', 'variables', `variables are only for type 'alimtalk', not '${type}'.`),
      );
  }
  if (type === 'friendtalk_image' && !given(request.imageUrl)) {
    violations.push(
      violation('image_required', 'imageUrl', 'A friendtalk_image message needs exactly one image: give imageUrl.'),
    );
  }
  if (type !== 'friendtalk_image' && request.imageUrl !== undefined) {
    violations.push(
      violation('image_not_allowed', 'imageUrl', `Only type 'friendtalk_image' carries an image, not '${type}'.`),
    );
  }
  if (isKakaoType(type) && given(request.subject)) {
    violations.push(
      violation(
        'subject_not_allowed',
        'subject',
        `A ${type} message has no subject; use fallback.subject for the LMS fallback.`,
      ),
    );
  }
  if (!isKakaoType(type) && request.fallback?.enabled) {
    violations.push(
      violation('fallback_not_allowed', 'fallback', `Fallback is for Kakao messages; a ${type} message has none.`),
    );
  }
  return violations;
}

function contentOf(request: MessageRequest, context: MessageContext): Content {
  const { type, text } = request;
  if (type === 'alimtalk') return alimtalkContent(request, context);
  if (!given(text)) return { violations: [] };
  if (type === 'sms') return smsContent(text, request.subject, context.smsByteLimit);
  if (type === 'lms') return lmsContent(text, request.subject);
  return { text, violations: checkKakaoLength(type, text) };
}

function adChecks(
  request: MessageRequest,
  text: string,
  context: MessageContext,
): { violations: RuleViolation[]; notBefore?: Date } {
  const { fallback } = request;
  const customFallback =
    fallback?.enabled && given(fallback.text) ? checkAdContent(fallback.text, context.senderName, 'fallback.text') : [];
  const quiet = quietHours(context);
  return {
    violations: [...checkAdContent(text, context.senderName, 'text'), ...customFallback, ...quiet.violations],
    notBefore: quiet.notBefore,
  };
}

/** Checks a whole send request (SPEC §2, §4) and, when it passes, plans how it is sent. */
export function checkMessage(request: MessageRequest, context: MessageContext): MessageCheck {
  const { type } = request;
  const content = contentOf(request, context);
  const violations = [...checkFields(request), ...content.violations];
  const { text } = content;
  if (text === undefined) return { ok: false, violations };
  const ad: { violations: RuleViolation[]; notBefore?: Date } = isAdType(type)
    ? adChecks(request, text, context)
    : { violations: [] };
  const fallback = isKakaoType(type)
    ? planFallback(text, request.fallback, context.smsByteLimit)
    : { ok: true as const, plan: null };
  violations.push(...ad.violations, ...(fallback.ok ? [] : fallback.violations));
  if (violations.length > 0 || !fallback.ok) return { ok: false, violations };
  const plan: SendPlan = { type, channel: type, text, fallback: fallback.plan };
  if (content.subject !== undefined) plan.subject = content.subject;
  if (content.bytes !== undefined) plan.bytes = content.bytes;
  if (type === 'alimtalk') plan.templateCode = request.templateCode;
  if (type === 'friendtalk_image') plan.imageUrl = request.imageUrl;
  if (ad.notBefore !== undefined) plan.notBefore = ad.notBefore;
  return { ok: true, plan };
}
