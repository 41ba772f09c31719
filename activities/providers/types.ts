/**
 * Provider adapters (SPEC §8): one interface for the Kakao BizMessage provider and the SMS/LMS
 * carrier. Results come back by webhook (POST /v1/provider-reports/:provider); `status` is the
 * polling backstop for a lost report. Every send carries an idempotency key, so a retried
 * activity never sends twice.
 */
import type { ProviderName, ProviderResultStatus } from '../../domain/delivery';
import type { KakaoType } from '../../domain/message';
import type { TemplateButton } from '../../domain/template';

/** An uploaded image as the adapter hands it to its provider's own upload step (SPEC §2). */
export interface ProviderImage {
  id: string;
  fileName: string;
  format: 'jpeg' | 'png';
  sha256: string;
  content: Buffer;
}

export interface KakaoSend {
  type: KakaoType;
  senderKey: string;
  to: string;
  text: string;
  templateCode?: string;
  /** AlimTalk: the values of the template's #{variables}; absent for texts rendered by us (payment notices). */
  variables?: Record<string, string>;
  /** AlimTalk: the template's buttons, sent with the message. */
  buttons?: TemplateButton[];
  image?: ProviderImage;
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

export interface SendOptions {
  /** An earlier try with this key may have reached the provider (a retried activity, a timed-out call). */
  mayHaveSent?: boolean;
}

export interface Provider<S> {
  readonly name: ProviderName;
  send(message: S, idempotencyKey: string, options?: SendOptions): Promise<{ providerMessageId: string }>;
  /** The result so far; null while the provider has none. */
  status(providerMessageId: string): Promise<ProviderResult | null>;
  /** The send the provider holds for this key, if it can tell (lost answers: did it take it?). */
  find?(idempotencyKey: string): Promise<{ providerMessageId: string } | null>;
}

/** The provider refused the request itself (4xx): retrying the same request cannot help. */
export class ProviderRejected extends Error {
  constructor(
    readonly provider: ProviderName,
    /** The HTTP status the provider answered with. */
    readonly status: number,
    readonly code: string,
    /** The provider's own words. */
    readonly detail: string,
  ) {
    super(`${provider} refused the send (${status} ${code}): ${detail}`);
    this.name = 'ProviderRejected';
  }
}

/** A transient failure (5xx, timeout, network): the activity is retried with the same key. */
export class ProviderUnavailable extends Error {
  constructor(
    readonly provider: ProviderName,
    message: string,
    /** The provider said it is down (HTTP 503, an outage result code): it did not take the send. */
    readonly outage = false,
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
    buttons?: TemplateButton[];
  }): Promise<{ status: TemplateReviewStatus; reason: string | null }>;
  status(senderKey: string, code: string): Promise<{ status: TemplateReviewStatus; reason: string | null }>;
}
