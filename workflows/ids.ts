/**
 * Every workflow id of the platform, in one place (README "Workflow ids"). An id names the thing the
 * workflow is about, so starting the same thing twice finds the workflow that already exists.
 */

/** One per accepted message, for its whole delivery (Art. 5.3). */
export const messageWorkflowId = (messageId: string) => `message-${messageId}`;

/** One per contract, for its whole life (Art. 12–13). */
export const contractWorkflowId = (contractId: string) => `contract-${contractId}`;

/** One per contract and billing month; never reused, so a month is invoiced once (SPEC §5). */
export const invoiceWorkflowId = (contractId: string, period: string) => `invoice-${contractId}-${period}`;

/** One per payment event of the gateway; a repeated event finds the same workflow (Art. 2.2). */
export const paymentNoticeWorkflowId = (mid: string, tid: string, event: string) =>
  `payment-notice-${mid}-${tid}-${event}`;

/** One per billing month started by hand (`POST /v1/billing/runs`). */
export const billingRunWorkflowId = (period: string) => `billing-run-${period}`;

/** The runs the monthly schedule starts; Temporal appends the scheduled time to it. */
export const SCHEDULED_BILLING_RUN_WORKFLOW_ID = 'billing-run-monthly';

/** One per AlimTalk template of a merchant. */
export const templateReviewWorkflowId = (merchantId: string, code: string) => `template-${merchantId}-${code}`;

/** One per campaign, for its whole run (SPEC §7); continued as new under the same id. */
export const campaignWorkflowId = (campaignId: string) => `campaign-${campaignId}`;

/** One per carrier-reported opt-out: the merchant's notice of it (webhook opt_out.created). */
export const optOutNoticeWorkflowId = (noticeId: string) => `opt-out-notice-${noticeId}`;
/** One per noticed change of a merchant's business information: its 10-day timer (Art. 4.1.3). */
export const merchantChangeWorkflowId = (changeId: string) => `merchant-change-${changeId}`;

/** The runs the nightly retention Schedule starts (Art. 5.6); Temporal appends the scheduled time to it. */
export const SCHEDULED_RETENTION_WORKFLOW_ID = 'retention-daily-run';
