/** Every workflow type the workers register. */
export { ContractWorkflow } from './contract';
export { MessageWorkflow } from './message';
export { TemplateReviewWorkflow } from './template-review';
export { PaymentNoticeWorkflow } from './payment-notice';
export { InvoiceWorkflow } from './invoice';
export { BillingRunWorkflow } from './billing-run';
export { CampaignWorkflow } from './campaign';
export { OptOutNoticeWorkflow } from './opt-out-notice';
export { MerchantChangeWorkflow } from './merchant-change';
export { RetentionWorkflow } from './retention';
