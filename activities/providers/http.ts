/** HTTP adapters for the provider wire protocol (the simulator speaks it; real providers sit behind the same shape). */
import type { ProviderName } from '../../domain/delivery';
import {
  ProviderRejected,
  ProviderUnavailable,
  type KakaoSend,
  type Provider,
  type ProviderImage,
  type ProviderResult,
  type SmsSend,
  type TemplateReviews,
  type TemplateReviewStatus,
} from './types';

const REQUEST_TIMEOUT_MS = 10_000;

async function call(provider: ProviderName, url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  } catch (err) {
    throw new ProviderUnavailable(provider, (err as Error).message);
  }
}

async function failure(provider: ProviderName, res: Response): Promise<never> {
  const text = await res.text();
  if (res.status >= 500 || res.status === 429)
    throw new ProviderUnavailable(provider, `HTTP ${res.status}`, res.status === 503);
  let code = 'rejected';
  let message = text.slice(0, 300);
  try {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
    code = body.error?.code ?? code;
    message = body.error?.message ?? message;
  } catch {
    // not JSON: keep the raw text
  }
  throw new ProviderRejected(provider, res.status, code, message);
}

function httpProvider<S>(name: ProviderName, baseUrl: string, path: string, toWire: (m: S) => unknown): Provider<S> {
  const endpoint = `${baseUrl.replace(/\/$/, '')}${path}`;
  return {
    name,
    async send(message, idempotencyKey) {
      const res = await call(name, endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
        body: JSON.stringify(toWire(message)),
      });
      if (!res.ok) return failure(name, res);
      const body = (await res.json()) as { providerMessageId: string };
      return { providerMessageId: body.providerMessageId };
    },
    async status(providerMessageId): Promise<ProviderResult | null> {
      const res = await call(name, `${endpoint}/${encodeURIComponent(providerMessageId)}`, { method: 'GET' });
      if (!res.ok) return failure(name, res);
      const body = (await res.json()) as { status: string; resultCode: string | null; reportedAt: string | null };
      if (body.status !== 'delivered' && body.status !== 'failed') return null;
      return { status: body.status, resultCode: body.resultCode, reportedAt: body.reportedAt };
    },
  };
}

/**
 * Kakao BizMessage. FriendTalk travels as Brand Message: Kakao retired FriendTalk at the end of 2025
 * (SPEC §2). An image is uploaded to the provider first, as Kakao's image API wants; the message
 * then carries the URL the provider gave it — never one a merchant gave us.
 */
export function kakaoProvider(baseUrl: string): Provider<KakaoSend> {
  const messages = httpProvider<KakaoSend & { imageUrl?: string }>('kakao', baseUrl, '/kakao/v1/messages', (m) => ({
    type: m.type === 'alimtalk' ? 'alimtalk' : 'brand_message',
    senderKey: m.senderKey,
    to: m.to,
    text: m.text,
    ...(m.templateCode ? { templateCode: m.templateCode } : {}),
    ...(m.buttons?.length ? { buttons: m.buttons } : {}),
    ...(m.imageUrl ? { imageUrl: m.imageUrl } : {}),
  }));
  const uploadImage = async (image: ProviderImage, senderKey: string): Promise<string> => {
    const res = await call('kakao', `${baseUrl.replace(/\/$/, '')}/kakao/v1/images`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ senderKey, fileName: image.fileName, contentBase64: image.content.toString('base64') }),
    });
    if (!res.ok) return failure('kakao', res);
    return ((await res.json()) as { imageUrl: string }).imageUrl;
  };
  return {
    ...messages,
    async send(m, idempotencyKey) {
      const imageUrl = m.image ? await uploadImage(m.image, m.senderKey) : undefined;
      return messages.send({ ...m, imageUrl }, idempotencyKey);
    },
  };
}

export function smsProvider(baseUrl: string): Provider<SmsSend> {
  return httpProvider<SmsSend>('sms', baseUrl, '/sms/v1/messages', (m) => m);
}

export function kakaoTemplateReviews(baseUrl: string): TemplateReviews {
  const endpoint = `${baseUrl.replace(/\/$/, '')}/kakao/v1/templates`;
  const read = async (res: Response) => {
    if (!res.ok) return failure('kakao', res);
    const body = (await res.json()) as { status: TemplateReviewStatus; reason?: string | null };
    return { status: body.status, reason: body.reason ?? null };
  };
  return {
    submit: async (t) =>
      read(
        await call('kakao', endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          // The simulator's review takes the template's code, text and buttons (simulator/routes.ts).
          body: JSON.stringify({ senderKey: t.senderKey, code: t.code, text: t.text, buttons: t.buttons }),
        }),
      ),
    status: async (senderKey, code) =>
      read(
        await call('kakao', `${endpoint}/${encodeURIComponent(senderKey)}/${encodeURIComponent(code)}`, {
          method: 'GET',
        }),
      ),
  };
}
