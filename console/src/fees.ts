/**
 * The list prices the console shows with the application and proposes to the operator (form §3:
 * per delivered message, VAT excluded). The contract's own fees are the ones the operator approves.
 */
export const LIST_FEES = {
  paymentNotice: '8.00',
  sms: '9.90',
  lms: '29.00',
  alimtalk: '7.50',
  friendtalkText: '13.00',
  friendtalkImage: '20.00',
} as const;

export type FeeKey = keyof typeof LIST_FEES;
export const FEE_KEYS = Object.keys(LIST_FEES) as FeeKey[];
