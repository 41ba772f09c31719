import fc from 'fast-check';
import { adWindow, checkAdContent } from '../../domain/advertising';
import {
  checkMessage,
  planFallback,
  type MessageCheck,
  type MessageContext,
  type MessageRequest,
} from '../../domain/message';
import {
  checkButtons,
  checkRenderedText,
  parseTemplate,
  renderTemplate,
  usableTemplate,
  type TemplateButton,
} from '../../domain/template';

/** A KST wall-clock time, e.g. at('2026-03-10T14:00:00'). */
const at = (kstLocal: string) => new Date(`${kstLocal}+09:00`);

const SENDER = '바른상점';
const AD = `(광고) ${SENDER} 봄 신상품 20% 할인! 무료수신거부 080-123-4567`;

const context = (overrides: Partial<MessageContext> = {}): MessageContext => ({
  smsByteLimit: 80,
  senderName: SENDER,
  now: at('2026-03-10T14:00:00'),
  ...overrides,
});

const approved = (text: string, code = 'ORDER_SHIPPED', buttons: TemplateButton[] = []) => ({
  template: { code, status: 'approved' as const, approved: { text, buttons } },
});

const check = (request: MessageRequest, overrides: Partial<MessageContext> = {}) =>
  checkMessage(request, context(overrides));
const codes = (result: MessageCheck | { ok: boolean; violations?: { code: string }[] }) =>
  result.ok ? [] : (result.violations ?? []).map((v) => v.code);

const ascii = (n: number) => 'a'.repeat(n);
const hangul = (n: number) => '가'.repeat(n);

describe('SMS', () => {
  it('accepts 80 ASCII characters (80 bytes) and plans an SMS with its byte count', () => {
    expect(check({ type: 'sms', text: ascii(80) })).toEqual({
      ok: true,
      plan: { type: 'sms', channel: 'sms', text: ascii(80), bytes: 80, fallback: null },
    });
  });

  it('refuses 81 ASCII characters, naming the bytes and the limit, and points to LMS', () => {
    const result = check({ type: 'sms', text: ascii(81) });
    expect(result).toEqual({
      ok: false,
      violations: [
        {
          code: 'sms_too_long',
          field: 'text',
          limit: 80,
          actual: 81,
          message:
            "text is 81 bytes in EUC-KR, over the SMS limit of 80 bytes; send it as type 'lms' (up to 2,000 bytes).",
        },
      ],
    });
  });

  it('accepts 40 Hangul syllables (80 bytes)', () => {
    expect(check({ type: 'sms', text: hangul(40) })).toMatchObject({ ok: true, plan: { bytes: 80 } });
  });

  it('accepts 39 Hangul syllables + 2 ASCII characters (80 bytes)', () => {
    expect(check({ type: 'sms', text: `${hangul(39)}ab` })).toMatchObject({ ok: true, plan: { bytes: 80 } });
  });

  it('refuses 40 Hangul syllables + 1 ASCII character (81 bytes)', () => {
    expect(check({ type: 'sms', text: `${hangul(40)}!` })).toMatchObject({
      ok: false,
      violations: [{ code: 'sms_too_long', actual: 81 }],
    });
  });

  it('uses the configured SMS limit: 90 bytes fit when the carrier takes 90, 91 do not', () => {
    expect(check({ type: 'sms', text: hangul(45) }, { smsByteLimit: 90 })).toMatchObject({
      ok: true,
      plan: { bytes: 90 },
    });
    expect(check({ type: 'sms', text: ascii(91) }, { smsByteLimit: 90 })).toMatchObject({
      ok: false,
      violations: [{ code: 'sms_too_long', limit: 90, actual: 91 }],
    });
  });

  it('refuses a subject and points to LMS instead of upgrading silently', () => {
    expect(check({ type: 'sms', text: '배송 시작', subject: '안내' })).toMatchObject({
      ok: false,
      violations: [{ code: 'sms_subject_not_allowed', field: 'subject', message: expect.stringContaining("'lms'") }],
    });
  });

  it('treats an empty subject as none', () => {
    expect(check({ type: 'sms', text: '배송 시작', subject: '' }).ok).toBe(true);
  });

  it('refuses an emoji, naming the character, its code point and its position', () => {
    expect(check({ type: 'sms', text: '주문 😀 완료' })).toEqual({
      ok: false,
      violations: [
        {
          code: 'unencodable_character',
          field: 'text',
          char: '😀',
          codePoint: 'U+1F600',
          position: 4,
          message:
            "text contains '😀' (U+1F600) at character 4, which EUC-KR cannot encode, so it cannot go out as SMS; remove or replace it.",
        },
      ],
    });
  });

  it('requires text, and a blank one does not count', () => {
    expect(codes(check({ type: 'sms' }))).toEqual(['text_required']);
    expect(codes(check({ type: 'sms', text: '   ' }))).toEqual(['text_required']);
  });

  it('refuses fields that belong to other types instead of ignoring them', () => {
    expect(
      codes(
        check({
          type: 'sms',
          text: 'hi',
          templateCode: 'A',
          variables: {},
          imageId: 'img_01jd3x0k5q8m3v7c2z9w4t6y1r',
          fallback: { enabled: true },
        }),
      ),
    ).toEqual(['template_not_allowed', 'template_not_allowed', 'image_not_allowed', 'fallback_not_allowed']);
  });

  it('accepts a disabled fallback block', () => {
    expect(check({ type: 'sms', text: 'hi', fallback: { enabled: false } }).ok).toBe(true);
  });

  it('is not subject to the ad quiet hours', () => {
    expect(check({ type: 'sms', text: 'hi' }, { now: at('2026-03-10T23:00:00') }).ok).toBe(true);
  });
});

describe('LMS', () => {
  it('accepts 2,000 bytes of body and refuses 2,001', () => {
    expect(check({ type: 'lms', text: hangul(1000) })).toMatchObject({
      ok: true,
      plan: { channel: 'lms', bytes: 2000 },
    });
    expect(check({ type: 'lms', text: `${hangul(1000)}.` })).toMatchObject({
      ok: false,
      violations: [
        { code: 'lms_too_long', limit: 2000, actual: 2001, message: expect.stringContaining('2,001 bytes') },
      ],
    });
  });

  it('accepts a 40-byte subject and refuses a 41-byte one', () => {
    expect(check({ type: 'lms', text: '본문', subject: hangul(20) })).toMatchObject({
      ok: true,
      plan: { subject: hangul(20) },
    });
    expect(check({ type: 'lms', text: '본문', subject: `${hangul(20)}A` })).toMatchObject({
      ok: false,
      violations: [{ code: 'subject_too_long', field: 'subject', limit: 40, actual: 41 }],
    });
  });

  it('names an unencodable character in the subject', () => {
    expect(check({ type: 'lms', text: '본문', subject: '공지🎉' })).toMatchObject({
      ok: false,
      violations: [{ code: 'unencodable_character', field: 'subject', char: '🎉', position: 3 }],
    });
  });

  it('stays an LMS when the text would fit an SMS (the caller chose LMS)', () => {
    expect(check({ type: 'lms', text: 'short' })).toEqual({
      ok: true,
      plan: { type: 'lms', channel: 'lms', text: 'short', bytes: 5, fallback: null },
    });
  });

  it('reports a long body and a long subject together', () => {
    expect(codes(check({ type: 'lms', text: ascii(2001), subject: ascii(41) }))).toEqual([
      'subject_too_long',
      'lms_too_long',
    ]);
  });
});

describe('AlimTalk', () => {
  const TEMPLATE = '#{name}님, 주문 #{orderNo}이(가) 발송되었습니다.';
  const request = (overrides: Partial<MessageRequest> = {}): MessageRequest => ({
    type: 'alimtalk',
    templateCode: 'ORDER_SHIPPED',
    variables: { name: '홍길동', orderNo: 'A-1001' },
    ...overrides,
  });

  it('renders the approved template into the plan', () => {
    expect(check(request(), approved(TEMPLATE))).toEqual({
      ok: true,
      plan: {
        type: 'alimtalk',
        channel: 'alimtalk',
        text: '홍길동님, 주문 A-1001이(가) 발송되었습니다.',
        templateCode: 'ORDER_SHIPPED',
        fallback: null,
      },
    });
  });

  it('requires a template code', () => {
    expect(codes(check(request({ templateCode: undefined }), approved(TEMPLATE)))).toEqual(['template_code_required']);
  });

  it('refuses a template the merchant does not have', () => {
    expect(codes(check(request()))).toEqual(['template_not_found']);
    expect(codes(check(request({ templateCode: 'OTHER' }), approved(TEMPLATE)))).toEqual(['template_not_found']);
  });

  it('refuses a template still under review or rejected', () => {
    for (const status of ['requested', 'rejected'] as const) {
      expect(check(request(), { template: { code: 'ORDER_SHIPPED', status, approved: null } })).toMatchObject({
        ok: false,
        violations: [{ code: 'template_not_approved', field: 'templateCode', status }],
      });
    }
  });

  it('names each missing and each unknown variable', () => {
    expect(check(request({ variables: { name: '홍길동', order: 'A-1001' } }), approved(TEMPLATE))).toMatchObject({
      ok: false,
      violations: [
        { code: 'template_variable_missing', field: 'variables.orderNo' },
        { code: 'template_variable_unknown', field: 'variables.order' },
      ],
    });
  });

  it('accepts text that equals the rendered template', () => {
    expect(check(request({ text: '홍길동님, 주문 A-1001이(가) 발송되었습니다.' }), approved(TEMPLATE)).ok).toBe(true);
  });

  it('refuses text that differs from the rendered template, naming where', () => {
    expect(check(request({ text: '홍길동님, 주문 A-1002이(가) 발송되었습니다.' }), approved(TEMPLATE))).toMatchObject({
      ok: false,
      violations: [{ code: 'template_text_mismatch', field: 'text', position: 15 }],
    });
  });

  it('accepts 1,000 characters after rendering and refuses 1,001 (any script, spaces included)', () => {
    const body = (n: number) => Array.from({ length: n }, (_, i) => '가 a'[i % 3]).join('');
    // '알림: ' is 4 characters.
    expect(check(request({ variables: { body: body(996) } }), approved('알림: #{body}')).ok).toBe(true);
    expect(check(request({ variables: { body: body(997) } }), approved('알림: #{body}'))).toMatchObject({
      ok: false,
      violations: [{ code: 'text_too_long', field: 'text', limit: 1000, actual: 1001 }],
    });
  });

  it('counts an emoji as one character', () => {
    expect(check(request({ variables: { body: `${ascii(999)}😀` } }), approved('#{body}')).ok).toBe(true);
  });

  it('refuses a subject and points to fallback.subject', () => {
    expect(check(request({ subject: '안내' }), approved(TEMPLATE))).toMatchObject({
      ok: false,
      violations: [{ code: 'subject_not_allowed', message: expect.stringContaining('fallback.subject') }],
    });
  });

  it('falls back as SMS when the rendered text fits 80 bytes and as LMS when it does not', () => {
    const fits = check(request({ variables: { body: hangul(40) }, fallback: { enabled: true } }), approved('#{body}'));
    expect(fits).toMatchObject({ ok: true, plan: { fallback: { channel: 'sms', text: hangul(40) } } });
    const over = check(
      request({ variables: { body: `${hangul(40)}a` }, fallback: { enabled: true } }),
      approved('#{body}'),
    );
    expect(over).toMatchObject({ ok: true, plan: { fallback: { channel: 'lms', text: `${hangul(40)}a` } } });
  });

  it('uses the request’s own fallback text and subject', () => {
    const result = check(
      request({ fallback: { enabled: true, text: '주문이 발송되었습니다', subject: '발송 안내' } }),
      approved(TEMPLATE),
    );
    expect(result).toMatchObject({
      ok: true,
      plan: { fallback: { channel: 'lms', text: '주문이 발송되었습니다', subject: '발송 안내' } },
    });
  });

  it('sends an emoji over Kakao but refuses it at acceptance when the SMS/LMS fallback would have to carry it', () => {
    expect(check(request({ variables: { body: '도착 😀' } }), approved('#{body}')).ok).toBe(true);
    expect(
      check(request({ variables: { body: '도착 😀' }, fallback: { enabled: true } }), approved('#{body}')),
    ).toMatchObject({
      ok: false,
      violations: [
        {
          code: 'unencodable_character',
          field: 'text',
          position: 4,
          message: expect.stringContaining('fallback.text'),
        },
      ],
    });
  });

  it('accepts an emoji in the Kakao text when the request gives an encodable fallback text', () => {
    const result = check(
      request({ variables: { body: '도착 😀' }, fallback: { enabled: true, text: '도착' } }),
      approved('#{body}'),
    );
    expect(result).toMatchObject({ ok: true, plan: { text: '도착 😀', fallback: { channel: 'sms', text: '도착' } } });
  });

  it('refuses a fallback text over 2,000 bytes at acceptance', () => {
    expect(check(request({ fallback: { enabled: true, text: `${hangul(1000)}a` } }), approved(TEMPLATE))).toMatchObject(
      {
        ok: false,
        violations: [{ code: 'fallback_too_long', field: 'fallback.text', limit: 2000, actual: 2001 }],
      },
    );
  });

  it('refuses a fallback subject over 40 bytes', () => {
    expect(check(request({ fallback: { enabled: true, subject: ascii(41) } }), approved(TEMPLATE))).toMatchObject({
      ok: false,
      violations: [{ code: 'subject_too_long', field: 'fallback.subject' }],
    });
  });

  it('is informational, so neither the ad rules nor the quiet hours apply', () => {
    expect(check(request(), { ...approved(TEMPLATE), now: at('2026-03-10T23:00:00') }).ok).toBe(true);
  });
});

describe('AlimTalk template registration', () => {
  it('returns the distinct variables in order of appearance', () => {
    expect(parseTemplate('ORDER_SHIPPED', '#{name}님 #{orderNo} 주문, #{name}님 감사합니다')).toEqual({
      ok: true,
      variables: ['name', 'orderNo'],
    });
  });

  it('accepts 40 distinct variables and refuses 41', () => {
    const vars = (n: number) => Array.from({ length: n }, (_, i) => `#{v${i}}`).join(' ');
    expect(parseTemplate('T', vars(40))).toMatchObject({ ok: true });
    expect(parseTemplate('T', vars(41))).toMatchObject({
      ok: false,
      violations: [{ code: 'too_many_template_variables', limit: 40, actual: 41 }],
    });
  });

  it('counts a repeated variable once', () => {
    const text = `${Array.from({ length: 40 }, (_, i) => `#{v${i}}`).join(' ')} #{v0}`;
    expect(parseTemplate('T', text).ok).toBe(true);
  });

  it("refuses '.' in a variable name", () => {
    expect(parseTemplate('T', '#{order.no} 발송')).toMatchObject({
      ok: false,
      violations: [
        {
          code: 'invalid_template_variable_name',
          field: 'text',
          name: 'order.no',
          message: expect.stringContaining("'.'"),
        },
      ],
    });
  });

  it("refuses an empty name and a name with '#'", () => {
    expect(codes(parseTemplate('T', '#{} and #{a#{b}'))).toEqual([
      'invalid_template_variable_name',
      'invalid_template_variable_name',
    ]);
  });

  it('accepts a 20-character code and refuses 21 characters, other characters or none', () => {
    expect(parseTemplate('A'.repeat(20), 'hi').ok).toBe(true);
    for (const code of ['A'.repeat(21), 'order shipped', '주문발송', '']) {
      expect(codes(parseTemplate(code, 'hi'))).toEqual(['invalid_template_code']);
    }
  });

  it('accepts 1,000 characters of text and refuses 1,001', () => {
    expect(parseTemplate('T', hangul(1000)).ok).toBe(true);
    expect(parseTemplate('T', hangul(1001))).toMatchObject({
      ok: false,
      violations: [{ code: 'text_too_long', limit: 1000, actual: 1001 }],
    });
  });

  it('requires text', () => {
    expect(codes(parseTemplate('T', ''))).toEqual(['text_required']);
  });
});

describe('AlimTalk template rendering', () => {
  it('fills every slot, repeated ones included', () => {
    expect(renderTemplate('#{a}-#{b}-#{a}', { a: '1', b: '2' })).toEqual({ ok: true, text: '1-2-1' });
  });

  it('inserts values literally: no $-patterns and no re-expansion of #{…} inside a value', () => {
    expect(renderTemplate('#{a}/#{b}', { a: '$& $1', b: '#{a}' })).toEqual({ ok: true, text: '$& $1/#{a}' });
  });

  it('does not take inherited object properties as values', () => {
    expect(codes(renderTemplate('#{constructor}', {}))).toEqual(['template_variable_missing']);
  });

  it('accepts an empty value', () => {
    expect(renderTemplate('[#{a}]', { a: '' })).toEqual({ ok: true, text: '[]' });
  });

  it('compares supplied text with the rendered text exactly', () => {
    expect(checkRenderedText('안녕하세요', '안녕하세요')).toEqual([]);
    expect(checkRenderedText('안녕하세요', '안녕하세요 ')).toMatchObject([
      { code: 'template_text_mismatch', position: 6 },
    ]);
  });
});

describe('FriendTalk (advertising)', () => {
  it('accepts an ad with the marker, the sender name and an opt-out', () => {
    expect(check({ type: 'friendtalk', text: AD })).toEqual({
      ok: true,
      plan: { type: 'friendtalk', channel: 'friendtalk', text: AD, fallback: null },
    });
  });

  it('refuses an ad that does not start with (광고)', () => {
    expect(codes(check({ type: 'friendtalk', text: `${SENDER} 할인! (광고) 무료수신거부 080-123-4567` }))).toEqual([
      'ad_marker_missing',
    ]);
  });

  it("refuses an ad without the sender's name", () => {
    expect(check({ type: 'friendtalk', text: '(광고) 봄 할인! 무료수신거부 080-123-4567' })).toMatchObject({
      ok: false,
      violations: [{ code: 'ad_sender_name_missing', field: 'text', senderName: SENDER }],
    });
  });

  it('refuses an ad without a free opt-out instruction', () => {
    expect(codes(check({ type: 'friendtalk', text: `(광고) ${SENDER} 봄 할인!` }))).toEqual(['ad_opt_out_missing']);
  });

  it('reports each missing ad element separately', () => {
    expect(codes(check({ type: 'friendtalk', text: '봄 할인!' }))).toEqual([
      'ad_marker_missing',
      'ad_sender_name_missing',
      'ad_opt_out_missing',
    ]);
  });

  // §50④ as merchants write it: the wording, then the number to call (brackets, colons, spaces, hyphens).
  it.each([
    '무료거부 080-123-4567',
    '무료수신거부 080-123-4567',
    '수신거부 080-123-4567',
    '무료 수신거부 080-1234-5678',
    '무료수신거부: 080-123-4567',
    '무료수신거부 : 080 123 4567',
    '[무료수신거부] 080-123-4567',
    '(무료수신거부)0801234567',
    '【무료거부】080.123.4567',
    '무료거부080-123-4567',
    '무료수신거부 ☎ 080-123-4567',
    '무료수신거부 (080)123-4567',
    '수신거부 전화 02-123-4567',
    '수신거부: 010-1234-5678',
    '수신거부 1588-4954',
    '수신 거부 031-234-5678',
    '할인 안내\n무료거부 080-123-4567\n감사합니다',
  ])('accepts the opt-out "%s"', (optOut) => {
    expect(checkAdContent(`(광고) ${SENDER} 할인 ${optOut}`, SENDER, 'text')).toEqual([]);
  });

  it.each([
    ['수신거부', 'ad_opt_out_number_missing'],
    ['무료수신거부', 'ad_opt_out_number_missing'],
    ['무료거부 ☎', 'ad_opt_out_number_missing'],
    ['수신거부: 채널 차단', 'ad_opt_out_number_missing'],
    ['수신거부는 고객센터로 문의하세요', 'ad_opt_out_number_missing'],
    ['무료수신거부 080-12', 'ad_opt_out_number_missing'],
    ['수신거부 080-123', 'ad_opt_out_number_missing'],
    ['무료거부 123-4567', 'ad_opt_out_number_missing'],
    ['수신거부 080-123-4567-89', 'ad_opt_out_number_missing'],
    ['080-123-4567로 연락주세요', 'ad_opt_out_missing'],
    ['고객센터 1588-4954', 'ad_opt_out_missing'],
  ])('refuses the opt-out "%s" with %s', (optOut, code) => {
    expect(checkAdContent(`(광고) ${SENDER} 할인 ${optOut}`, SENDER, 'text')).toMatchObject([{ code, field: 'text' }]);
  });

  it('names the wording and the missing number in the refusal', () => {
    expect(checkAdContent(`(광고) ${SENDER}\n봄 할인\n수신거부`, SENDER, 'text')).toEqual([
      {
        code: 'ad_opt_out_number_missing',
        field: 'text',
        message: expect.stringMatching(/"수신거부".*080 number or another phone number/),
      },
    ]);
  });

  it('accepts the number after any of several wordings', () => {
    expect(checkAdContent(`(광고) ${SENDER} 수신거부 안내: 무료거부 080-123-4567`, SENDER, 'text')).toEqual([]);
  });

  it('accepts the trading name without the corporate form of the registered name', () => {
    expect(checkAdContent(AD, '주식회사 바른상점', 'text')).toEqual([]);
    expect(checkAdContent(AD, '(주)바른상점', 'text')).toEqual([]);
  });

  it('accepts 1,000 characters and refuses 1,001', () => {
    const pad = (n: number) => `${AD}${'.'.repeat(n - [...AD].length)}`;
    expect(check({ type: 'friendtalk', text: pad(1000) }).ok).toBe(true);
    expect(check({ type: 'friendtalk', text: pad(1001) })).toMatchObject({
      ok: false,
      violations: [{ code: 'text_too_long', limit: 1000, actual: 1001 }],
    });
  });

  it('falls back with the same content, markers included', () => {
    expect(check({ type: 'friendtalk', text: AD, fallback: { enabled: true } })).toMatchObject({
      ok: true,
      plan: { fallback: { channel: 'sms', text: AD } },
    });
  });

  it('applies the ad rules to a custom fallback text too', () => {
    expect(check({ type: 'friendtalk', text: AD, fallback: { enabled: true, text: '봄 할인!' } })).toMatchObject({
      ok: false,
      violations: [
        { code: 'ad_marker_missing', field: 'fallback.text' },
        { code: 'ad_sender_name_missing', field: 'fallback.text' },
        { code: 'ad_opt_out_missing', field: 'fallback.text' },
      ],
    });
  });

  it('refuses an ad during the quiet hours, saying when the window opens', () => {
    expect(check({ type: 'friendtalk', text: AD }, { now: at('2026-03-10T21:30:00') })).toEqual({
      ok: false,
      violations: [
        {
          code: 'ad_quiet_hours',
          opensAt: '2026-03-11T08:00:00.000+09:00',
          message:
            'Kakao delivers no advertising (FriendTalk) between 20:50 and 08:00 KST; send it at or after 2026-03-11T08:00:00.000+09:00, or ask for it to be held until then.',
        },
      ],
    });
  });

  it('holds an ad until 08:00 KST when the request asks for that', () => {
    expect(
      check({ type: 'friendtalk', text: AD }, { now: at('2026-03-10T21:30:00'), holdDuringQuietHours: true }),
    ).toMatchObject({
      ok: true,
      plan: { notBefore: at('2026-03-11T08:00:00') },
    });
  });

  it('sends at once, with no hold, while the window is open', () => {
    const result = check({ type: 'friendtalk', text: AD }, { holdDuringQuietHours: true });
    expect(result.ok && result.plan.notBefore).toBeUndefined();
  });
});

describe('FriendTalk image', () => {
  const IMAGE = 'img_01jd3x0k5q8m3v7c2z9w4t6y1r';
  const pad = (n: number) => `${AD}${'.'.repeat(n - [...AD].length)}`;

  it('accepts 400 characters and refuses 401', () => {
    expect(check({ type: 'friendtalk_image', text: pad(400), imageId: IMAGE }).ok).toBe(true);
    expect(check({ type: 'friendtalk_image', text: pad(401), imageId: IMAGE })).toMatchObject({
      ok: false,
      violations: [
        {
          code: 'text_too_long',
          limit: 400,
          actual: 401,
          message: 'text is 401 characters, over the friendtalk_image limit of 400 characters.',
        },
      ],
    });
  });

  it('requires exactly one uploaded image', () => {
    expect(codes(check({ type: 'friendtalk_image', text: AD }))).toEqual(['image_required']);
  });

  it('plans the image with the message', () => {
    expect(check({ type: 'friendtalk_image', text: AD, imageId: IMAGE })).toMatchObject({
      ok: true,
      plan: { channel: 'friendtalk_image', imageId: IMAGE },
    });
  });

  it('falls back with its text part only', () => {
    const result = check({ type: 'friendtalk_image', text: AD, imageId: IMAGE, fallback: { enabled: true } });
    expect(result.ok && result.plan.fallback).toEqual({ channel: 'sms', text: AD });
  });

  it('follows the ad rules and the quiet hours like a text FriendTalk', () => {
    expect(
      codes(check({ type: 'friendtalk_image', text: '봄 할인!', imageId: IMAGE }, { now: at('2026-03-10T07:00:00') })),
    ).toEqual(['ad_marker_missing', 'ad_sender_name_missing', 'ad_opt_out_missing', 'ad_quiet_hours']);
  });

  it('refuses an image on a text FriendTalk', () => {
    expect(codes(check({ type: 'friendtalk', text: AD, imageId: IMAGE }))).toEqual(['image_not_allowed']);
  });
});

describe('fallback plan', () => {
  it('is none unless fallback is enabled', () => {
    expect(planFallback('안녕', undefined, 80)).toEqual({ ok: true, plan: null });
    expect(planFallback('안녕', { enabled: false, text: '다른 글' }, 80)).toEqual({ ok: true, plan: null });
  });

  it('is an SMS at exactly the SMS limit and an LMS one byte over', () => {
    expect(planFallback(ascii(80), { enabled: true }, 80)).toEqual({
      ok: true,
      plan: { channel: 'sms', text: ascii(80) },
    });
    expect(planFallback(ascii(81), { enabled: true }, 80)).toEqual({
      ok: true,
      plan: { channel: 'lms', text: ascii(81) },
    });
  });

  it('follows the configured SMS limit', () => {
    expect(planFallback(hangul(45), { enabled: true }, 90)).toMatchObject({ ok: true, plan: { channel: 'sms' } });
    expect(planFallback(hangul(45), { enabled: true }, 80)).toMatchObject({ ok: true, plan: { channel: 'lms' } });
  });

  it('is an LMS whenever it has a subject, however short the text', () => {
    expect(planFallback('안녕', { enabled: true, subject: '안내' }, 80)).toEqual({
      ok: true,
      plan: { channel: 'lms', text: '안녕', subject: '안내' },
    });
  });

  it('uses the Kakao text when the fallback text is blank', () => {
    expect(planFallback('안녕', { enabled: true, text: ' ' }, 80)).toEqual({
      ok: true,
      plan: { channel: 'sms', text: '안녕' },
    });
  });

  it('accepts exactly 2,000 bytes and refuses 2,001', () => {
    expect(planFallback(hangul(1000), { enabled: true }, 80)).toMatchObject({ ok: true, plan: { channel: 'lms' } });
    expect(planFallback('x', { enabled: true, text: ascii(2001) }, 80)).toMatchObject({
      ok: false,
      violations: [{ code: 'fallback_too_long', field: 'fallback.text' }],
    });
  });

  it('names a character the fallback cannot carry', () => {
    expect(planFallback('x', { enabled: true, text: 'ok 🙂' }, 80)).toMatchObject({
      ok: false,
      violations: [
        { code: 'unencodable_character', field: 'fallback.text', char: '🙂', codePoint: 'U+1F642', position: 4 },
      ],
    });
  });
});

describe('ad window (Kakao blocks ads 20:50–08:00 KST)', () => {
  it('is open at 20:49:59 and closed from 20:50:00, opening at 08:00 the next day', () => {
    expect(adWindow(at('2026-03-10T20:49:59.999'))).toEqual({ open: true });
    expect(adWindow(at('2026-03-10T20:50:00'))).toEqual({ open: false, opensAt: at('2026-03-11T08:00:00') });
  });

  it('is closed at 07:59:59 and open from 08:00:00', () => {
    expect(adWindow(at('2026-03-11T07:59:59'))).toEqual({ open: false, opensAt: at('2026-03-11T08:00:00') });
    expect(adWindow(at('2026-03-11T08:00:00'))).toEqual({ open: true });
  });

  it('opens at 08:00 of the same day after midnight', () => {
    expect(adWindow(at('2026-03-11T00:00:00'))).toEqual({ open: false, opensAt: at('2026-03-11T08:00:00') });
    expect(adWindow(at('2026-03-10T23:59:59'))).toEqual({ open: false, opensAt: at('2026-03-11T08:00:00') });
  });

  it('counts in KST, not UTC: 12:00 UTC is 21:00 KST', () => {
    expect(adWindow(new Date('2026-03-10T12:00:00Z'))).toEqual({
      open: false,
      opensAt: new Date('2026-03-10T23:00:00Z'),
    });
  });

  it('opens in the next month and year across a year end', () => {
    expect(adWindow(at('2026-12-31T22:00:00'))).toEqual({ open: false, opensAt: at('2027-01-01T08:00:00') });
    expect(adWindow(at('2028-02-28T21:00:00'))).toEqual({ open: false, opensAt: at('2028-02-29T08:00:00') });
  });

  it('always opens at the next 08:00 KST, within 11 h 10 min', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }),
        (now) => {
          const window = adWindow(now);
          if (window.open) return;
          const wait = +window.opensAt - +now;
          expect(wait).toBeGreaterThan(0);
          expect(wait).toBeLessThanOrEqual((11 * 60 + 10) * 60_000);
          expect(new Date(+window.opensAt + 9 * 3_600_000).toISOString().slice(11)).toBe('08:00:00.000Z');
          expect(adWindow(window.opensAt)).toEqual({ open: true });
        },
      ),
    );
  });
});

describe('type "text": SMS when it fits, else LMS (SPEC §2)', () => {
  it('plans an SMS for a text within the SMS limit and no subject', () => {
    expect(check({ type: 'text', text: '주문이 접수되었습니다' })).toEqual({
      ok: true,
      plan: { type: 'sms', channel: 'sms', text: '주문이 접수되었습니다', bytes: 21, fallback: null },
    });
    expect(check({ type: 'text', text: ascii(80) })).toMatchObject({ ok: true, plan: { type: 'sms', bytes: 80 } });
  });

  it('plans an LMS for a text over the SMS limit, or with a subject', () => {
    expect(check({ type: 'text', text: hangul(200) })).toMatchObject({
      ok: true,
      plan: { type: 'lms', channel: 'lms', bytes: 400 },
    });
    expect(check({ type: 'text', text: ascii(81) })).toMatchObject({ ok: true, plan: { type: 'lms', bytes: 81 } });
    expect(check({ type: 'text', text: '짧은 글', subject: '안내' })).toMatchObject({
      ok: true,
      plan: { type: 'lms', subject: '안내' },
    });
  });

  it('follows the SMS limit setting', () => {
    expect(check({ type: 'text', text: ascii(90) }, { smsByteLimit: 90 })).toMatchObject({ plan: { type: 'sms' } });
  });

  it('refuses what LMS cannot carry either, naming the character', () => {
    expect(codes(check({ type: 'text', text: '도착 😀' }))).toEqual(['unencodable_character']);
    expect(codes(check({ type: 'text', text: ascii(2001) }))).toEqual(['lms_too_long']);
  });

  it('keeps an explicit SMS over the limit a refusal', () => {
    expect(codes(check({ type: 'sms', text: ascii(81) }))).toEqual(['sms_too_long']);
  });
});

describe('AlimTalk buttons (Kakao)', () => {
  const web: TemplateButton = { type: 'WL', name: '주문 조회', urlMobile: 'https://shop.example.com/orders' };
  const app: TemplateButton = { type: 'AL', name: '앱에서 보기', schemeAndroid: 'barun://orders' };

  it('accepts each Kakao button type with the links it needs', () => {
    expect(
      checkButtons([
        { ...web, urlPc: 'https://shop.example.com/orders?pc=1' },
        { ...app, schemeIos: 'barun://orders', urlMobile: 'https://shop.example.com/app' },
        { type: 'DS', name: '배송 조회' },
        { type: 'BK', name: '상담원 연결' },
        { type: 'MD', name: '문의하기' },
      ]),
    ).toEqual([]);
  });

  it('allows at most 5 buttons', () => {
    expect(checkButtons(Array.from({ length: 6 }, () => ({ type: 'BK' as const, name: '문의' })))).toMatchObject([
      { code: 'too_many_buttons', field: 'buttons', limit: 5, actual: 6 },
    ]);
  });

  it('names a button in 1–14 characters', () => {
    expect(checkButtons([{ type: 'BK', name: '가'.repeat(14) }])).toEqual([]);
    expect(checkButtons([{ type: 'BK', name: '가'.repeat(15) }])).toMatchObject([
      { code: 'invalid_button_name', field: 'buttons[0].name', limit: 14, actual: 15 },
    ]);
    expect(checkButtons([{ type: 'BK', name: ' ' }])).toMatchObject([{ code: 'invalid_button_name' }]);
  });

  it('requires the link Kakao requires, and refuses links a type does not carry', () => {
    expect(checkButtons([{ type: 'WL', name: '열기' }])).toMatchObject([
      { code: 'button_link_required', field: 'buttons[0].urlMobile' },
    ]);
    expect(checkButtons([{ type: 'AL', name: '열기', urlMobile: 'https://a.example.com' }])).toMatchObject([
      { code: 'button_link_required', field: 'buttons[0].schemeAndroid' },
    ]);
    expect(checkButtons([{ type: 'DS', name: '배송 조회', urlMobile: 'https://a.example.com' }])).toMatchObject([
      { code: 'button_link_not_allowed', field: 'buttons[0].urlMobile' },
    ]);
    expect(checkButtons([{ type: 'WL', name: '열기', urlMobile: 'javascript:alert(1)' }])).toMatchObject([
      { code: 'invalid_button_link', field: 'buttons[0].urlMobile' },
    ]);
    expect(checkButtons([{ type: 'AL', name: '열기', schemeIos: 'not a scheme' }])).toMatchObject([
      { code: 'invalid_button_link', field: 'buttons[0].schemeIos' },
    ]);
  });

  it('checks the buttons when a template is registered or edited', () => {
    expect(codes(parseTemplate('T', '#{name}님', [{ type: 'WL', name: '열기' }]))).toEqual(['button_link_required']);
    expect(parseTemplate('T', '#{name}님', [web])).toEqual({ ok: true, variables: ['name'] });
  });

  it('sends a message with the buttons of the approved version', () => {
    expect(
      check(
        { type: 'alimtalk', templateCode: 'ORDER', variables: { name: '홍길동' } },
        approved('#{name}님, 주문이 접수되었습니다.', 'ORDER', [web]),
      ),
    ).toMatchObject({ ok: true, plan: { text: '홍길동님, 주문이 접수되었습니다.', buttons: [web] } });
  });
});

describe('template versions: the approved one keeps sending while an edit is under review', () => {
  it('sends the approved version while the latest is requested or rejected', () => {
    for (const status of ['requested', 'rejected'] as const) {
      expect(usableTemplate('T', { code: 'T', status, approved: { text: '이전 문구 #{name}', buttons: [] } })).toEqual({
        ok: true,
        text: '이전 문구 #{name}',
        buttons: [],
      });
    }
  });

  it('refuses a template that was never approved', () => {
    expect(usableTemplate('T', { code: 'T', status: 'rejected', approved: null })).toMatchObject({
      ok: false,
      violations: [{ code: 'template_not_approved', message: expect.stringContaining('rejected') }],
    });
  });
});
