/**
 * Payment notices (결제 알림톡; SPEC §3–4, form §2가, Art. 2.2): which payment events notify whom,
 * and what the notices say. Card, virtual account, bank transfer and mobile payments only.
 */
import { parseTemplate, renderTemplate } from './template';
import type { RuleViolation } from './rules';
import type { PaymentNoticeServices } from './services';

export const PAYMENT_METHODS = ['card', 'vbank', 'transfer', 'mobile'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PAYMENT_EVENTS = ['approved', 'cancelled', 'vbank_issued', 'vbank_deposited'] as const;
export type PaymentEventType = (typeof PAYMENT_EVENTS)[number];

export type NoticeKind = 'approval' | 'cancellation' | 'vbank_issued';
/** Who a notice is for: the merchant's receiving numbers, or the buyer. */
export const AUDIENCES = ['merchant', 'buyer'] as const;
export type Audience = (typeof AUDIENCES)[number];
/** A payment event is `completed` once the workflow of every one of its notices has finished. */
export const PAYMENT_EVENT_STATUSES = ['sending', 'completed'] as const;
export type PaymentEventStatus = (typeof PAYMENT_EVENT_STATUSES)[number];

const METHOD_NAMES: Record<PaymentMethod, string> = {
  card: '신용카드',
  vbank: '가상계좌',
  transfer: '계좌이체',
  mobile: '휴대폰결제',
};

export interface VirtualAccount {
  bank: string;
  accountNumber: string;
  holder: string;
  /** YYYY-MM-DD */
  dueDate: string;
}

export interface PaymentEvent {
  mid: string;
  tid: string;
  event: PaymentEventType;
  method: string;
  amount: number;
  productName: string;
  buyer?: { name?: string; phone?: string };
  vbank?: VirtualAccount;
}

/** Art. 2.2: only these payment methods carry notices; the event must fit the method. */
export function checkPaymentEvent(e: PaymentEvent): RuleViolation[] {
  const v: RuleViolation[] = [];
  if (!(PAYMENT_METHODS as readonly string[]).includes(e.method)) {
    v.push({
      code: 'payment_method_not_supported',
      message: `payment notices cover card, vbank, transfer and mobile payments only (Art. 2.2), not "${e.method}"`,
      field: 'method',
    });
  }
  if ((e.event === 'vbank_issued' || e.event === 'vbank_deposited') && e.method !== 'vbank') {
    v.push({
      code: 'event_method_mismatch',
      message: `${e.event} only happens to virtual-account (vbank) payments`,
      field: 'event',
    });
  }
  if (e.event === 'vbank_issued' && !e.vbank)
    v.push({
      code: 'vbank_details_required',
      message: 'a vbank_issued event needs the virtual account (bank, accountNumber, holder, dueDate)',
      field: 'vbank',
    });
  if (!Number.isSafeInteger(e.amount) || e.amount < 0)
    v.push({ code: 'invalid_amount', message: 'amount is a non-negative whole number of won', field: 'amount' });
  return v;
}

export interface PlannedNotice {
  audience: Audience;
  kind: NoticeKind;
  to: string;
}

export interface SkippedNotice {
  audience: Audience;
  reason: 'service_not_applied' | 'no_buyer_phone' | 'approval_sent_on_deposit' | 'no_notice_for_event';
  message: string;
}

const KIND_OF: Record<PaymentEventType, NoticeKind | null> = {
  approved: 'approval',
  cancelled: 'cancellation',
  vbank_issued: 'vbank_issued',
  // Form §2가 note: for a virtual account, the "approval" notice goes out when the deposit completes.
  vbank_deposited: 'approval',
};

/** Who is notified of a payment event, from the contract's payment-notice services (form §2가). */
export function planPaymentNotices(
  services: PaymentNoticeServices,
  event: PaymentEventType,
  method: PaymentMethod,
  recipients: { merchantReceivers: string[]; buyerPhone: string | null },
): { notices: PlannedNotice[]; skipped: SkippedNotice[] } {
  const notices: PlannedNotice[] = [];
  const skipped: SkippedNotice[] = [];
  if (event === 'approved' && method === 'vbank') {
    const skip = (audience: Audience, applied: boolean): SkippedNotice =>
      applied
        ? {
            audience,
            reason: 'approval_sent_on_deposit',
            message:
              'a virtual-account payment is approved when the buyer deposits: its approval notice goes out at vbank_deposited',
          }
        : {
            audience,
            reason: 'service_not_applied',
            message: `the contract did not apply for ${audience}-target approval notices`,
          };
    return { notices, skipped: [skip('merchant', services.merchant.approval), skip('buyer', services.buyer.approval)] };
  }
  const kind = KIND_OF[event]!;
  const merchantWants =
    kind === 'approval' ? services.merchant.approval : kind === 'cancellation' ? services.merchant.cancel : null;
  const buyerWants =
    kind === 'approval'
      ? services.buyer.approval
      : kind === 'cancellation'
        ? services.buyer.cancel
        : services.buyer.vbankIssued;

  if (merchantWants === null)
    skipped.push({
      audience: 'merchant',
      reason: 'no_notice_for_event',
      message: 'merchant-target notices cover approvals and cancellations only',
    });
  else if (!merchantWants)
    skipped.push({
      audience: 'merchant',
      reason: 'service_not_applied',
      message: `the contract did not apply for merchant-target ${kind} notices`,
    });
  else notices.push(...recipients.merchantReceivers.map((to) => ({ audience: 'merchant' as const, kind, to })));

  if (!buyerWants)
    skipped.push({
      audience: 'buyer',
      reason: 'service_not_applied',
      message: `the contract did not apply for buyer-target ${kind === 'vbank_issued' ? 'virtual-account' : kind} notices`,
    });
  else if (!recipients.buyerPhone)
    skipped.push({ audience: 'buyer', reason: 'no_buyer_phone', message: 'the event carries no buyer mobile number' });
  else notices.push({ audience: 'buyer', kind, to: recipients.buyerPhone });
  return { notices, skipped };
}

/** The company's fixed AlimTalk templates for payment notices (registered with Kakao by the company). */
export const NOTICE_TEMPLATES: Record<NoticeKind, { code: string; text: string; sms: string }> = {
  approval: {
    code: 'PAYNOTI_APPROVAL',
    text: '[#{merchantName}] 결제가 완료되었습니다.\n\n상품명: #{productName}\n결제금액: #{amount}원\n결제수단: #{method}\n거래번호: #{tid}',
    sms: '[#{merchantName}] 결제완료 #{amount}원',
  },
  cancellation: {
    code: 'PAYNOTI_CANCEL',
    text: '[#{merchantName}] 결제가 취소되었습니다.\n\n상품명: #{productName}\n취소금액: #{amount}원\n결제수단: #{method}\n거래번호: #{tid}',
    sms: '[#{merchantName}] 결제취소 #{amount}원',
  },
  vbank_issued: {
    code: 'PAYNOTI_VBANK',
    text: '[#{merchantName}] 가상계좌가 발급되었습니다.\n\n상품명: #{productName}\n입금금액: #{amount}원\n입금은행: #{bank}\n계좌번호: #{accountNumber}\n예금주: #{holder}\n입금기한: #{dueDate}',
    sms: '[#{merchantName}] #{bank} #{accountNumber} #{amount}원 #{dueDate}까지 입금',
  },
};

/** 1234567 → "1,234,567" (no locale data needed). */
export function formatWon(amount: number): string {
  return String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The AlimTalk text and the SMS fallback text of one notice. */
export function renderNotice(
  kind: NoticeKind,
  e: PaymentEvent & { method: PaymentMethod },
  merchantName: string,
): { templateCode: string; text: string; smsText: string } {
  const t = NOTICE_TEMPLATES[kind];
  const values: Record<string, string> = {
    merchantName,
    productName: e.productName,
    amount: formatWon(e.amount),
    method: METHOD_NAMES[e.method],
    tid: e.tid,
    ...(e.vbank ?? {}),
  };
  const render = (text: string) => {
    const slots = parseTemplate(t.code, text);
    const rendered = slots.ok
      ? renderTemplate(text, Object.fromEntries(slots.variables.map((name) => [name, values[name] ?? ''])))
      : slots;
    if (!rendered.ok)
      throw new Error(
        `notice template ${t.code} cannot be rendered: ${rendered.violations.map((v) => v.message).join('; ')}`,
      );
    return rendered.text;
  };
  return { templateCode: t.code, text: render(t.text), smsText: render(t.sms) };
}
