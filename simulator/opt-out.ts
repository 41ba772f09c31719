/**
 * 080 opt-out calls (SPEC §4): `POST /_sim/opt-out {to080, from}` plays a recipient calling a
 * merchant's 080 number; the simulator reports it like a carrier, signed, to the platform's
 * `/v1/provider-reports/sms`, and answers with the platform's answer.
 */
import { z } from 'zod';
import type { Logger } from '../platform/logger';
import { maskPhone, normalizePhone } from '../domain/phone';
import { SIGNATURE_HEADER, sign } from '../platform/signature';

export const OptOutCall = z.object({ to080: z.string().min(1).max(20), from: z.string().min(1).max(20) }).strict();

export interface OptOutReporterOptions {
  reportBaseUrl: string;
  reportSecret: string;
  logger: Logger;
}

const REPORT_REQUEST_TIMEOUT_MS = 5_000;

export async function reportOptOutCall(
  options: OptOutReporterOptions,
  call: z.output<typeof OptOutCall>,
): Promise<{ status: number; body: unknown }> {
  const url = `${options.reportBaseUrl.replace(/\/+$/, '')}/v1/provider-reports/sms`;
  const body = JSON.stringify({ event: 'opt_out', ...call, reportedAt: new Date().toISOString() });
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: sign(options.reportSecret, body) },
    body,
    signal: AbortSignal.timeout(REPORT_REQUEST_TIMEOUT_MS),
  });
  const text = await res.text();
  options.logger.info(
    { to080: call.to080, from: maskPhone(normalizePhone(call.from) ?? call.from), httpStatus: res.status },
    'opt-out call reported',
  );
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: parsed };
}
