/**
 * Payment notices (결제 알림톡; SPEC §3–4, form §2가 and its notes, Art. 2.2): who is notified of
 * which payment event, which events are refused, and what the notices say.
 *
 * Recipient selection is checked for every combination of services the form allows, against a
 * rules table written here from the form — not derived from the code under test.
 */
import { checkApplication } from '../../domain/contract-application';
import { eucKrLength } from '../../domain/euckr';
import { parseTemplate, TEMPLATE_CODE_PATTERN } from '../../domain/template';
import {
  checkPaymentEvent,
  formatWon,
  NOTICE_TEMPLATES,
  PAYMENT_EVENTS,
  PAYMENT_METHODS,
  planPaymentNotices,
  renderNotice,
  type NoticeKind,
  type PaymentEvent,
  type PaymentEventType,
  type PaymentMethod,
} from '../../domain/payment-notices';
import { NO_SERVICES, type PaymentNoticeServices } from '../../domain/services';

// --- the form's rules, as a table ---

type Flag = 'merchant.approval' | 'merchant.cancel' | 'buyer.approval' | 'buyer.cancel' | 'buyer.vbankIssued';
type SkipReason = 'service_not_applied' | 'no_buyer_phone' | 'approval_sent_on_deposit' | 'no_notice_for_event';
/**
 * For one audience: the service flag that decides it, a skip whatever the services, or a notice
 * that comes later (at deposit) for those who applied for it.
 */
type Rule = { flag: Flag } | { always: SkipReason } | { flag: Flag; deferred: SkipReason };

interface EventRule {
  event: PaymentEventType;
  methods: PaymentMethod[];
  kind: NoticeKind | null;
  merchant: Rule;
  buyer: Rule;
}

const ALL_METHODS: PaymentMethod[] = ['card', 'vbank', 'transfer', 'mobile'];

/**
 * Form §2가: merchant-target {승인완료, 취소완료}, buyer-target {승인완료, 취소완료, 가상계좌 채번};
 * note: "가상계좌(무통장입금)의 승인완료 통보 시점은 구매자의 입금완료 시점입니다."
 */
const RULES: EventRule[] = [
  {
    event: 'approved',
    methods: ['card', 'transfer', 'mobile'],
    kind: 'approval',
    merchant: { flag: 'merchant.approval' },
    buyer: { flag: 'buyer.approval' },
  },
  // A virtual account is approved when the buyer deposits: nothing at `approved`, for anyone; those
  // who applied for approval notices hear at vbank_deposited.
  {
    event: 'approved',
    methods: ['vbank'],
    kind: null,
    merchant: { flag: 'merchant.approval', deferred: 'approval_sent_on_deposit' },
    buyer: { flag: 'buyer.approval', deferred: 'approval_sent_on_deposit' },
  },
  {
    event: 'cancelled',
    methods: ALL_METHODS,
    kind: 'cancellation',
    merchant: { flag: 'merchant.cancel' },
    buyer: { flag: 'buyer.cancel' },
  },
  // 가상계좌 채번 is a buyer-target notice only.
  {
    event: 'vbank_issued',
    methods: ['vbank'],
    kind: 'vbank_issued',
    merchant: { always: 'no_notice_for_event' },
    buyer: { flag: 'buyer.vbankIssued' },
  },
  {
    event: 'vbank_deposited',
    methods: ['vbank'],
    kind: 'approval',
    merchant: { flag: 'merchant.approval' },
    buyer: { flag: 'buyer.approval' },
  },
];

const FLAGS: Flag[] = ['merchant.approval', 'merchant.cancel', 'buyer.approval', 'buyer.cancel', 'buyer.vbankIssued'];

const servicesOf = (on: Set<Flag>): PaymentNoticeServices => ({
  merchant: { approval: on.has('merchant.approval'), cancel: on.has('merchant.cancel') },
  buyer: {
    approval: on.has('buyer.approval'),
    cancel: on.has('buyer.cancel'),
    vbankIssued: on.has('buyer.vbankIssued'),
  },
});

/** All 2^5 combinations of the five checkboxes. */
const ALL_COMBINATIONS: Set<Flag>[] = Array.from(
  { length: 2 ** FLAGS.length },
  (_, bits) => new Set(FLAGS.filter((_f, i) => bits & (1 << i))),
);
/** Form §2가 note: buyer "취소완료" requires buyer "승인완료". */
const allowedByForm = (on: Set<Flag>) => !on.has('buyer.cancel') || on.has('buyer.approval');
const VALID_COMBINATIONS = ALL_COMBINATIONS.filter(allowedByForm);

const RECEIVERS = ['01011112222', '01033334444', '01055556666'];
const BUYER = '01077778888';

interface Expected {
  notices: { audience: string; kind: string; to: string }[];
  skipped: { audience: string; reason: string }[];
}

function expectedFor(rule: EventRule, on: Set<Flag>, buyerPhone: string | null): Expected {
  const out: Expected = { notices: [], skipped: [] };
  const decide = (audience: 'merchant' | 'buyer', r: Rule, recipients: string[]) => {
    if ('always' in r) out.skipped.push({ audience, reason: r.always });
    else if (!on.has(r.flag)) out.skipped.push({ audience, reason: 'service_not_applied' });
    else if ('deferred' in r) out.skipped.push({ audience, reason: r.deferred });
    else if (recipients.length === 0) out.skipped.push({ audience, reason: 'no_buyer_phone' });
    else out.notices.push(...recipients.map((to) => ({ audience, kind: rule.kind!, to })));
  };
  decide('merchant', rule.merchant, RECEIVERS);
  decide('buyer', rule.buyer, buyerPhone ? [buyerPhone] : []);
  return out;
}

const byKey = <T extends object>(items: T[]) =>
  [...items].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

const label = (on: Set<Flag>) =>
  `merchant{approval ${on.has('merchant.approval') ? 'on' : 'off'}, cancel ${on.has('merchant.cancel') ? 'on' : 'off'}} ` +
  `buyer{approval ${on.has('buyer.approval') ? 'on' : 'off'}, cancel ${on.has('buyer.cancel') ? 'on' : 'off'}, vbankIssued ${on.has('buyer.vbankIssued') ? 'on' : 'off'}}`;

const summary = (e: Expected) => {
  const groups = new Map<string, number>();
  for (const n of e.notices) groups.set(`${n.audience} ${n.kind}`, (groups.get(`${n.audience} ${n.kind}`) ?? 0) + 1);
  const sent = groups.size ? [...groups].map(([what, count]) => `${count}× ${what}`).join(' + ') : 'nothing';
  const skipped = e.skipped.map((s) => `${s.audience} ${s.reason}`).join(', ');
  return `sends ${sent}${skipped ? `; skips ${skipped}` : ''}`;
};

interface Case {
  title: string;
  event: PaymentEventType;
  method: PaymentMethod;
  on: Set<Flag>;
  buyerPhone: string | null;
  expected: Expected;
}

const CASES: Case[] = RULES.flatMap((rule) =>
  rule.methods.flatMap((method) =>
    VALID_COMBINATIONS.flatMap((on) =>
      [BUYER, null].map((buyerPhone) => {
        const expected = expectedFor(rule, on, buyerPhone);
        return {
          title: `${rule.event} · ${method} · ${label(on)} · ${buyerPhone ? 'buyer phone' : 'no buyer phone'} → ${summary(expected)}`,
          event: rule.event,
          method,
          on,
          buyerPhone,
          expected,
        };
      }),
    ),
  ),
);

describe('who receives a payment notice (form §2가)', () => {
  it('the form allows 24 of the 32 checkbox combinations (buyer cancel needs buyer approval), and applications with the others are refused', () => {
    expect(VALID_COMBINATIONS).toHaveLength(24);
    for (const on of ALL_COMBINATIONS) {
      const result = checkApplication({
        services: { ...NO_SERVICES, paymentNotice: servicesOf(on) },
        kakaoSearchId: null,
        senderNumbers: [],
        receiverNumbers: on.has('merchant.approval') || on.has('merchant.cancel') ? RECEIVERS : [],
        mids: ['INIpayTest'],
      });
      const codes = result.ok ? [] : result.violations.map((v) => v.code);
      if (allowedByForm(on)) expect(codes).not.toContain('buyer_cancel_requires_approval');
      else expect(codes).toContain('buyer_cancel_requires_approval');
    }
  });

  it('the table covers exactly the event and method pairings the platform accepts; every other pairing is refused', () => {
    for (const ev of PAYMENT_EVENTS) {
      for (const method of PAYMENT_METHODS) {
        const inTable = RULES.some((rule) => rule.event === ev && rule.methods.includes(method));
        // Labelled, so a failure names the pairing.
        expect({ ev, method, refused: codes(event({ event: ev, method, vbank: VBANK })) }).toEqual({
          ev,
          method,
          refused: inTable ? [] : ['event_method_mismatch'],
        });
      }
    }
  });

  it.each(CASES.map((c) => [c.title, c] as const))('%s', (_title, c) => {
    const plan = planPaymentNotices(servicesOf(c.on), c.event, c.method, {
      merchantReceivers: RECEIVERS,
      buyerPhone: c.buyerPhone,
    });
    expect(byKey(plan.notices)).toEqual(byKey(c.expected.notices));
    expect(byKey(plan.skipped.map(({ audience, reason }) => ({ audience, reason })))).toEqual(
      byKey(c.expected.skipped),
    );
    for (const s of plan.skipped) expect(s.message).toEqual(expect.any(String));
    for (const s of plan.skipped) expect(s.message.length).toBeGreaterThan(10);
  });

  describe('spot checks, written out in full', () => {
    const everything = servicesOf(new Set(FLAGS));

    it('a card approval goes to each of the merchant’s receiving numbers and to the buyer', () => {
      expect(
        planPaymentNotices(everything, 'approved', 'card', {
          merchantReceivers: ['01011112222', '01033334444'],
          buyerPhone: BUYER,
        }),
      ).toEqual({
        notices: [
          { audience: 'merchant', kind: 'approval', to: '01011112222' },
          { audience: 'merchant', kind: 'approval', to: '01033334444' },
          { audience: 'buyer', kind: 'approval', to: BUYER },
        ],
        skipped: [],
      });
    });

    it('all 20 receiving numbers (the form’s maximum) are notified', () => {
      const twenty = Array.from({ length: 20 }, (_, i) => `0109000${String(1000 + i)}`);
      const plan = planPaymentNotices(everything, 'cancelled', 'transfer', {
        merchantReceivers: twenty,
        buyerPhone: null,
      });
      expect(plan.notices.filter((n) => n.audience === 'merchant').map((n) => n.to)).toEqual(twenty);
    });

    it('a virtual-account approval sends nothing at `approved` and the approval notices at `vbank_deposited`', () => {
      const atApproval = planPaymentNotices(everything, 'approved', 'vbank', {
        merchantReceivers: ['01011112222'],
        buyerPhone: BUYER,
      });
      expect(atApproval.notices).toEqual([]);
      expect(atApproval.skipped.map((s) => [s.audience, s.reason])).toEqual([
        ['merchant', 'approval_sent_on_deposit'],
        ['buyer', 'approval_sent_on_deposit'],
      ]);
      const atDeposit = planPaymentNotices(everything, 'vbank_deposited', 'vbank', {
        merchantReceivers: ['01011112222'],
        buyerPhone: BUYER,
      });
      expect(atDeposit.notices).toEqual([
        { audience: 'merchant', kind: 'approval', to: '01011112222' },
        { audience: 'buyer', kind: 'approval', to: BUYER },
      ]);
    });

    it('a virtual account being issued notifies only the buyer', () => {
      const plan = planPaymentNotices(everything, 'vbank_issued', 'vbank', {
        merchantReceivers: ['01011112222'],
        buyerPhone: BUYER,
      });
      expect(plan.notices).toEqual([{ audience: 'buyer', kind: 'vbank_issued', to: BUYER }]);
      expect(plan.skipped.map((s) => [s.audience, s.reason])).toEqual([['merchant', 'no_notice_for_event']]);
    });

    it('a cancellation with buyer-cancel off reaches only the merchant and says why the buyer was skipped', () => {
      const services = servicesOf(
        new Set<Flag>(['merchant.approval', 'merchant.cancel', 'buyer.approval', 'buyer.vbankIssued']),
      );
      const plan = planPaymentNotices(services, 'cancelled', 'card', {
        merchantReceivers: ['01011112222'],
        buyerPhone: BUYER,
      });
      expect(plan.notices).toEqual([{ audience: 'merchant', kind: 'cancellation', to: '01011112222' }]);
      expect(plan.skipped.map((s) => [s.audience, s.reason])).toEqual([['buyer', 'service_not_applied']]);
    });

    it('an event without the buyer’s phone skips the buyer with no_buyer_phone', () => {
      const plan = planPaymentNotices(everything, 'approved', 'mobile', {
        merchantReceivers: ['01011112222'],
        buyerPhone: null,
      });
      expect(plan.notices).toEqual([{ audience: 'merchant', kind: 'approval', to: '01011112222' }]);
      expect(plan.skipped.map((s) => [s.audience, s.reason])).toEqual([['buyer', 'no_buyer_phone']]);
    });
  });
});

// --- which events are accepted (Art. 2.2) ---

const event = (overrides: Partial<PaymentEvent> = {}): PaymentEvent => ({
  mid: 'INIpayTest',
  tid: 'StdpayCARDINIpayTest20250301123456',
  event: 'approved',
  method: 'card',
  amount: 12_000,
  productName: '무선 이어폰',
  buyer: { name: '김구매', phone: '010-7777-8888' },
  ...overrides,
});

const VBANK = { bank: '국민은행', accountNumber: '12345678901234', holder: '(주)바른상점', dueDate: '2025-03-05' };

const codes = (e: PaymentEvent) => checkPaymentEvent(e).map((v) => v.code);

describe('which payment events carry notices (Art. 2.2)', () => {
  it.each([
    ['approved', 'card'],
    ['approved', 'vbank'],
    ['approved', 'transfer'],
    ['approved', 'mobile'],
    ['cancelled', 'card'],
    ['cancelled', 'vbank'],
    ['cancelled', 'transfer'],
    ['cancelled', 'mobile'],
    ['vbank_deposited', 'vbank'],
  ] as const)('accepts %s with %s', (ev, method) => {
    expect(checkPaymentEvent(event({ event: ev, method }))).toEqual([]);
  });

  it('accepts vbank_issued with the virtual account’s details', () => {
    expect(checkPaymentEvent(event({ event: 'vbank_issued', method: 'vbank', vbank: VBANK }))).toEqual([]);
  });

  it.each(['cash', 'point', 'other', 'giftcard', 'CARD', ''])(
    'refuses method "%s" with payment_method_not_supported',
    (method) => {
      const violations = checkPaymentEvent(event({ method }));
      expect(violations.map((v) => v.code)).toEqual(['payment_method_not_supported']);
      expect(violations[0]).toMatchObject({ field: 'method', message: expect.stringContaining('Art. 2.2') });
    },
  );

  it.each([
    ['vbank_issued', 'card'],
    ['vbank_issued', 'transfer'],
    ['vbank_issued', 'mobile'],
    ['vbank_deposited', 'card'],
    ['vbank_deposited', 'transfer'],
    ['vbank_deposited', 'mobile'],
  ] as const)('refuses %s for a %s payment (only virtual accounts are issued and deposited)', (ev, method) => {
    expect(codes(event({ event: ev, method, vbank: VBANK }))).toEqual(['event_method_mismatch']);
  });

  it('refuses vbank_issued without the virtual account’s details', () => {
    const violations = checkPaymentEvent(event({ event: 'vbank_issued', method: 'vbank' }));
    expect(violations.map((v) => v.code)).toEqual(['vbank_details_required']);
    expect(violations[0].field).toBe('vbank');
  });

  it.each([-1, -12_000, 0.5, 12_000.01, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])(
    'refuses the amount %p',
    (amount) => {
      expect(codes(event({ amount }))).toEqual(['invalid_amount']);
    },
  );

  it('accepts a zero amount and large whole amounts', () => {
    expect(checkPaymentEvent(event({ amount: 0 }))).toEqual([]);
    expect(checkPaymentEvent(event({ amount: 9_999_999_999 }))).toEqual([]);
  });

  it('names every problem of an event at once', () => {
    expect(codes(event({ event: 'vbank_issued', method: 'cash', amount: -5 })).sort()).toEqual([
      'event_method_mismatch',
      'invalid_amount',
      'payment_method_not_supported',
      'vbank_details_required',
    ]);
  });
});

// --- what the notices say ---

describe('what a payment notice says', () => {
  const MERCHANT = '바른상점';

  it('an approval names the merchant, product, amount as 12,000원, the method in Korean and the tid', () => {
    const n = renderNotice('approval', { ...event(), method: 'card' }, MERCHANT);
    expect(n.templateCode).toBe('PAYNOTI_APPROVAL');
    expect(n.text).toBe(
      '[바른상점] 결제가 완료되었습니다.\n\n상품명: 무선 이어폰\n결제금액: 12,000원\n결제수단: 신용카드\n거래번호: StdpayCARDINIpayTest20250301123456',
    );
  });

  it.each([
    ['card', '신용카드'],
    ['vbank', '가상계좌'],
    ['transfer', '계좌이체'],
    ['mobile', '휴대폰결제'],
  ] as const)('a %s payment is shown as %s', (method, korean) => {
    expect(renderNotice('approval', { ...event(), method }, MERCHANT).text).toContain(`결제수단: ${korean}`);
    expect(renderNotice('cancellation', { ...event({ event: 'cancelled' }), method }, MERCHANT).text).toContain(
      `결제수단: ${korean}`,
    );
  });

  it('a cancellation says it was cancelled, with the cancelled amount', () => {
    const n = renderNotice(
      'cancellation',
      { ...event({ event: 'cancelled', amount: 1_234_567 }), method: 'transfer' },
      MERCHANT,
    );
    expect(n.templateCode).toBe('PAYNOTI_CANCEL');
    expect(n.text).toContain('[바른상점] 결제가 취소되었습니다.');
    expect(n.text).toContain('취소금액: 1,234,567원');
    expect(n.text).toContain('무선 이어폰');
    expect(n.smsText).toBe('[바른상점] 결제취소 1,234,567원');
  });

  it('a virtual-account notice gives the bank, account number, holder, due date and amount', () => {
    const n = renderNotice(
      'vbank_issued',
      { ...event({ event: 'vbank_issued', vbank: VBANK }), method: 'vbank' },
      MERCHANT,
    );
    expect(n.templateCode).toBe('PAYNOTI_VBANK');
    for (const part of [
      '입금은행: 국민은행',
      '계좌번호: 12345678901234',
      '예금주: (주)바른상점',
      '입금기한: 2025-03-05',
      '입금금액: 12,000원',
      '무선 이어폰',
    ]) {
      expect(n.text).toContain(part);
    }
    // The SMS fallback carries what the buyer needs to pay.
    for (const part of ['국민은행', '12345678901234', '12,000원', '2025-03-05']) expect(n.smsText).toContain(part);
  });

  it.each(['approval', 'cancellation', 'vbank_issued'] as const)(
    'the %s SMS fallback is short: it fits one SMS (80 bytes in EUC-KR)',
    (kind) => {
      const n = renderNotice(
        kind,
        { ...event({ vbank: VBANK }), method: kind === 'vbank_issued' ? 'vbank' : 'card' },
        MERCHANT,
      );
      const bytes = eucKrLength(n.smsText);
      expect(bytes).toMatchObject({ ok: true });
      expect(bytes.ok && bytes.bytes).toBeLessThanOrEqual(80);
      expect(n.smsText).toContain(`[${MERCHANT}]`);
      expect(n.smsText.length).toBeLessThan(n.text.length);
    },
  );

  it('the approval SMS fallback is exactly "[merchant] 결제완료 <amount>원"', () => {
    expect(renderNotice('approval', { ...event(), method: 'card' }, MERCHANT).smsText).toBe(
      '[바른상점] 결제완료 12,000원',
    );
  });

  it('puts the merchant’s and buyer’s text in literally, never as template slots or replacement patterns', () => {
    const n = renderNotice('approval', { ...event({ productName: '쿠폰 #{tid} $& $1' }), method: 'card' }, '상점 $`');
    expect(n.text).toContain('상품명: 쿠폰 #{tid} $& $1');
    expect(n.text).toContain('[상점 $`]');
  });

  it('leaves no unfilled #{slot} in any notice', () => {
    for (const kind of ['approval', 'cancellation', 'vbank_issued'] as const) {
      const n = renderNotice(kind, { ...event({ vbank: VBANK }), method: 'vbank' }, MERCHANT);
      expect(n.text).not.toMatch(/#\{/);
      expect(n.smsText).not.toMatch(/#\{/);
    }
  });

  it('the fixed templates are valid AlimTalk templates within Kakao’s limits, even with the longest product name', () => {
    for (const [kind, t] of Object.entries(NOTICE_TEMPLATES)) {
      expect(t.code).toMatch(TEMPLATE_CODE_PATTERN);
      expect(parseTemplate(t.code, t.text)).toMatchObject({ ok: true });
      const n = renderNotice(
        kind as NoticeKind,
        { ...event({ productName: '가'.repeat(100), amount: 9_999_999_999, vbank: VBANK }), method: 'vbank' },
        '가'.repeat(50),
      );
      expect([...n.text].length).toBeLessThanOrEqual(1_000);
    }
  });
});

describe('formatWon', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [999, '999'],
    [1_000, '1,000'],
    [12_000, '12,000'],
    [100_000, '100,000'],
    [999_999, '999,999'],
    [1_000_000, '1,000,000'],
    [1_234_567, '1,234,567'],
    [9_999_999_999, '9,999,999,999'],
  ])('%p won is written %p', (amount, text) => {
    expect(formatWon(amount)).toBe(text);
  });
});
