/**
 * The services a merchant applies for (form §2가–나, SPEC §3) and what each one allows.
 */

export interface PaymentNoticeServices {
  /** 가맹점 대상: notices to the merchant's own receiving numbers. */
  merchant: { approval: boolean; cancel: boolean };
  /** 구매자 대상: notices to the buyer, from the company's number 1588-4954. */
  buyer: { approval: boolean; cancel: boolean; vbankIssued: boolean };
}

export interface Services {
  sms: boolean;
  lms: boolean;
  alimtalk: boolean;
  friendtalkText: boolean;
  friendtalkImage: boolean;
  fallbackSms: boolean;
  fallbackLms: boolean;
  paymentNotice: PaymentNoticeServices;
}

export const NO_SERVICES: Services = {
  sms: false,
  lms: false,
  alimtalk: false,
  friendtalkText: false,
  friendtalkImage: false,
  fallbackSms: false,
  fallbackLms: false,
  paymentNotice: {
    merchant: { approval: false, cancel: false },
    buyer: { approval: false, cancel: false, vbankIssued: false },
  },
};

export const usesKakaoBizMessage = (s: Services) => s.alimtalk || s.friendtalkText || s.friendtalkImage;
export const usesTextMessaging = (s: Services) => s.sms || s.lms || s.fallbackSms || s.fallbackLms;
export const usesMerchantNotices = (s: Services) =>
  s.paymentNotice.merchant.approval || s.paymentNotice.merchant.cancel;
export const usesBuyerNotices = (s: Services) =>
  s.paymentNotice.buyer.approval || s.paymentNotice.buyer.cancel || s.paymentNotice.buyer.vbankIssued;
export const usesPaymentNotices = (s: Services) => usesMerchantNotices(s) || usesBuyerNotices(s);

/** The company's fixed number payment notices fall back to SMS from (form §2가: 1588-4954). */
export const COMPANY_SENDER_NUMBER = '15884954';

/** The company's own Kakao channel: payment notices need no merchant Kakao search ID (form §1). */
export const COMPANY_KAKAO_SENDER_KEY = '@bizmsg-payments';

/** Sender numbers per contract for the messaging service (form §2가: 발신번호 최대 10개). */
export const MAX_SENDER_NUMBERS = 10;

/** Receiving numbers for merchant-target payment notices (form §2가: 수신번호 최대 20개). */
export const MAX_RECEIVER_NUMBERS = 20;
