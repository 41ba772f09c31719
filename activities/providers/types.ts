/**
 * Provider adapters (SPEC §8): one interface for the Kakao BizMessage provider and the SMS/LMS
 * carrier. Results come back by webhook (POST /v1/provider-reports/:provider); `status` is the
 * polling backstop for a lost report. Every send carries an idempotency key, so a retried
 * activity never sends twice.
 */
import type { ProviderName, ProviderResultStatus } from '../../domain/delivery';
import type { KakaoType } from '../../domain/message';
import type { TemplateButton } from '../../domain/template';

export interface KakaoSend {
  type: KakaoType;
  senderKey: string;
  to: string;
  text: string;
  templateCode?: string;
  /** AlimTalk: the template's buttons, sent with the message. */
  buttons?: TemplateButton[];
  imageUrl?: string;
}

export interface SmsSend {
  type: 'sms' | 'lms';
  from: string;
  to: string;
  text: string;
  subject?: string;
}

export interface ProviderResult {
  status: ProviderResultStatus;
  resultCode: string | null;
  reportedAt: string | null;
}

export interface Provider<S> {
  readonly name: ProviderName;
  send(message: S, idempotencyKey: string): Promise<{ providerMessageId: string }>;
  /** The result so far; null while the provider has none. */
  status(providerMessageId: string): Promise<ProviderResult | null>;
}

/** The provider refused the request itself (4xx): retrying the same request cannot help. */
export class ProviderRejected extends Error {
  constructor(
    readonly provider: ProviderName,
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`${provider} refused the send (${status} ${code}): ${message}`);
    this.name = 'ProviderRejected';
  }
}

/** A transient failure (5xx, timeout, network): the activity is retried with the same key. */
export class ProviderUnavailable extends Error {
  constructor(
    readonly provider: ProviderName,
    message: string,
  ) {
    super(`${provider} unavailable: ${message}`);
    this.name = 'ProviderUnavailable';
  }
}

export type TemplateReviewStatus = 'requested' | 'approved' | 'rejected';

/** Kakao's review of AlimTalk templates (requested → approved | rejected). */
export interface TemplateReviews {
  submit(t: {
    senderKey: string;
    code: string;
    text: string;
    buttons: TemplateButton[];
  }): Promise<{ status: TemplateReviewStatus; reason: string | null }>;
  status(senderKey: string, code: string): Promise<{ status: TemplateReviewStatus; reason: string | null }>;
}
