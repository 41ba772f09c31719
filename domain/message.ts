/**
 * Message types, their sizes, and the rules a send request must pass before it is accepted (SPEC §2,
 * §4; Art. 2.1, form §2나), with the fallback it would get. Every refusal happens here, at acceptance,
 * so an accepted message never fails later for its content: the API calls `checkMessage` and hands
 * the `SendPlan` on. Template rules are in template.ts, advertising rules in advertising.ts.
 */
import { checkAdvertisement, isAdType, type AdCheck } from './advertising';
import { eucKrLength } from './euckr';
import {
  isKakaoType,
  type Channel,
  type FallbackChannel,
  type KakaoType,
  type MessageType,
  type RequestedType,
} from './message-types';
import { violation, type Refused, type RuleViolation } from './rules';
import {
  checkRenderedText,
  renderTemplate,
  usableTemplate,
  type SendableTemplate,
  type TemplateButton,
} from './template';
import { charLength, formatCount, given } from './text';

// The types live in a leaf module that workflows can load (this one pulls in iconv-lite).
export * from './message-types';

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

export interface FallbackRequest {
  enabled: boolean;
  text?: string;
  subject?: string;
}

export interface MessageRequest {
  type: RequestedType;
  text?: string;
  subject?: string;
  templateCode?: string;
  variables?: Record<string, string>;
  /** An image uploaded with POST /v1/images (SPEC §2: never a URL to fetch). */
  imageId?: string;
  fallback?: FallbackRequest;
}

export interface MessageContext {
  smsByteLimit: number;
  /** The merchant's name, which an ad must carry (정보통신망법 §50). */
  senderName: string;
  /** The merchant's template with the request's `templateCode`, when there is one. */
  template?: SendableTemplate;
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
  /** AlimTalk: the buttons of the template version it is sent from. */
  buttons?: TemplateButton[];
  imageId?: string;
  fallback: FallbackPlan | null;
  /** A FriendTalk held until Kakao's ad window opens. */
  notBefore?: Date;
}

export type MessageCheck = { ok: true; plan: SendPlan } | Refused;

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
      `${field} is ${formatCount(bytes)} bytes in EUC-KR, over the subject limit of ${SUBJECT_BYTE_LIMIT} bytes.`,
      { limit: SUBJECT_BYTE_LIMIT, actual: bytes },
    ),
  ];
}

interface Content {
  text?: string;
  subject?: string;
  bytes?: number;
  buttons?: TemplateButton[];
  violations: RuleViolation[];
}

/** The EUC-KR bytes of an SMS/LMS body against the channel's limit (Art. 2.1). */
function checkBody(text: string, channel: 'SMS' | 'LMS', limit: number, advice = ''): Content {
  const bytes = measure(text, 'text', channel);
  if (typeof bytes !== 'number') return { text, violations: [bytes] };
  if (bytes <= limit) return { text, bytes, violations: [] };
  return {
    text,
    bytes,
    violations: [
      violation(
        `${channel.toLowerCase()}_too_long`,
        'text',
        `text is ${formatCount(bytes)} bytes in EUC-KR, over the ${channel} limit of ${formatCount(limit)} bytes${advice}.`,
        { limit, actual: bytes },
      ),
    ],
  };
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
  const body = checkBody(
    text,
    'SMS',
    smsByteLimit,
    `; send it as type 'lms' (up to ${formatCount(LMS_BYTE_LIMIT)} bytes)`,
  );
  return { ...body, violations: [...violations, ...body.violations] };
}

function lmsContent(text: string, subject: string | undefined): Content {
  const violations = given(subject) ? checkSubject(subject, 'subject') : [];
  const body = checkBody(text, 'LMS', LMS_BYTE_LIMIT);
  return { ...body, subject: given(subject) ? subject : undefined, violations: [...violations, ...body.violations] };
}

function checkKakaoLength(type: KakaoType, text: string): RuleViolation[] {
  const limit = KAKAO_CHAR_LIMIT[type];
  const actual = charLength(text);
  if (actual <= limit) return [];
  return [
    violation(
      'text_too_long',
      'text',
      `text is ${formatCount(actual)} characters, over the ${type} limit of ${formatCount(limit)} characters.`,
      { limit, actual },
    ),
  ];
}

function alimtalkContent(request: MessageRequest, context: MessageContext): Content {
  if (!given(request.templateCode)) return { violations: [] };
  const usable = usableTemplate(request.templateCode, context.template);
  if (!usable.ok) return { violations: usable.violations };
  const rendered = renderTemplate(usable.text, request.variables ?? {});
  if (!rendered.ok) return { violations: rendered.violations };
  const mismatch = given(request.text) ? checkRenderedText(rendered.text, request.text) : [];
  return {
    text: rendered.text,
    buttons: usable.buttons,
    violations: [...mismatch, ...checkKakaoLength('alimtalk', rendered.text)],
  };
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
        `The fallback from ${field} is ${formatCount(bytes)} bytes in EUC-KR, over the LMS limit of ${formatCount(LMS_BYTE_LIMIT)} bytes; shorten it or give a shorter fallback.text.`,
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

// --- The whole request ---

/**
 * SPEC §2 `text`: SMS when the text fits the SMS limit and has no subject, else LMS. A text EUC-KR
 * cannot carry goes as LMS, whose check names the character.
 */
export function resolveType(request: MessageRequest, smsByteLimit: number): MessageType {
  if (request.type !== 'text') return request.type;
  if (given(request.subject)) return 'lms';
  const length = eucKrLength(request.text ?? '');
  return length.ok && length.bytes <= smsByteLimit ? 'sms' : 'lms';
}

/** Fields each type needs, and fields it must not carry (so nothing is silently ignored). */
function checkFields(request: MessageRequest & { type: MessageType }): RuleViolation[] {
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
  if (type === 'friendtalk_image' && !given(request.imageId)) {
    violations.push(
      violation(
        'image_required',
        'imageId',
        'A friendtalk_image message needs exactly one image: upload it with POST /v1/images and give its imageId.',
      ),
    );
  }
  if (type !== 'friendtalk_image' && request.imageId !== undefined) {
    violations.push(
      violation('image_not_allowed', 'imageId', `Only type 'friendtalk_image' carries an image, not '${type}'.`),
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

function contentOf(request: MessageRequest & { type: MessageType }, context: MessageContext): Content {
  const { type, text } = request;
  if (type === 'alimtalk') return alimtalkContent(request, context);
  if (!given(text)) return { violations: [] };
  if (type === 'sms') return smsContent(text, request.subject, context.smsByteLimit);
  if (type === 'lms') return lmsContent(text, request.subject);
  return { text, violations: checkKakaoLength(type, text) };
}

function adChecks(request: MessageRequest, text: string, context: MessageContext): AdCheck {
  const { fallback } = request;
  return checkAdvertisement({
    text,
    fallbackText: fallback?.enabled && given(fallback.text) ? fallback.text : undefined,
    senderName: context.senderName,
    now: context.now,
    holdDuringQuietHours: context.holdDuringQuietHours,
  });
}

/** Checks a whole send request (SPEC §2, §4) and, when it passes, plans how it is sent. */
export function checkMessage(requested: MessageRequest, context: MessageContext): MessageCheck {
  const type = resolveType(requested, context.smsByteLimit);
  const request = { ...requested, type };
  const content = contentOf(request, context);
  const violations = [...checkFields(request), ...content.violations];
  const { text } = content;
  if (text === undefined) return { ok: false, violations };
  const ad: AdCheck = isAdType(type) ? adChecks(request, text, context) : { violations: [] };
  const fallback = isKakaoType(type)
    ? planFallback(text, request.fallback, context.smsByteLimit)
    : { ok: true as const, plan: null };
  violations.push(...ad.violations, ...(fallback.ok ? [] : fallback.violations));
  if (violations.length > 0 || !fallback.ok) return { ok: false, violations };
  const plan: SendPlan = { type, channel: type, text, fallback: fallback.plan };
  if (content.subject !== undefined) plan.subject = content.subject;
  if (content.bytes !== undefined) plan.bytes = content.bytes;
  if (type === 'alimtalk') plan.templateCode = request.templateCode;
  if (content.buttons?.length) plan.buttons = content.buttons;
  if (type === 'friendtalk_image') plan.imageId = request.imageId;
  if (ad.notBefore !== undefined) plan.notBefore = ad.notBefore;
  return { ok: true, plan };
}
