/** The carrier simulator's introspection routes (/_sim/*; simulator/routes.ts), as tests read them. */

/** One send as GET /_sim/sends lists it: the provider request's fields and what became of the send. */
export interface SimSend {
  provider: 'kakao' | 'sms';
  providerMessageId: string;
  idempotencyKey: string;
  type: string;
  to: string;
  from?: string;
  senderKey?: string;
  text: string;
  subject?: string;
  templateCode?: string;
  buttons?: unknown[];
  imageUrl?: string;
  /** POSTs with this idempotency key, a refused (503) first attempt included. */
  attempts: number;
  acceptedAt: string;
  outcome: string;
  status: 'pending' | 'delivered' | 'failed';
  resultCode: string | null;
  reportStatus: 'pending' | 'sent' | 'failed' | 'never';
}

async function call<T>(simulatorUrl: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const res = await fetch(simulatorUrl + path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`simulator ${method} ${path}: ${res.status}`);
  return (await res.json()) as T;
}

/** Every send the simulator holds, in acceptance order, or only those to `to` (any phone format). */
export async function simulatorSends(simulatorUrl: string, to?: string): Promise<SimSend[]> {
  const path = to === undefined ? '/_sim/sends' : `/_sim/sends?to=${encodeURIComponent(to)}`;
  return (await call<{ data: SimSend[] }>(simulatorUrl, 'GET', path)).data;
}

/** Changes how the simulator behaves from now on (POST /_sim/config). */
export async function configureSimulator(
  simulatorUrl: string,
  settings: { dropReports?: boolean; responseDelayMs?: number },
): Promise<void> {
  await call(simulatorUrl, 'POST', '/_sim/config', settings);
}

/** What the carrier answers when polled for one send (GET /{kakao,sms}/v1/messages/:providerMessageId). */
export interface SimStatus {
  providerMessageId: string;
  status: 'pending' | 'delivered' | 'failed';
  resultCode: string | null;
  reportedAt: string | null;
}

export async function simulatorStatus(
  simulatorUrl: string,
  provider: 'kakao' | 'sms',
  providerMessageId: string,
): Promise<SimStatus> {
  return call<SimStatus>(simulatorUrl, 'GET', `/${provider}/v1/messages/${providerMessageId}`);
}
