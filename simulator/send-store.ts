/**
 * The simulator's memory of sends: by provider message id (in acceptance order) and by idempotency
 * key, plus the keys test number 9006 refused once. Bounded by MAX_RECORDS and MAX_RECORD_AGE_MS.
 */
import type { Outcome, Provider } from './outcomes';
import type { SendRequest } from './requests';

const MAX_RECORDS = 100_000;
const MAX_RECORD_AGE_MS = 6 * 3_600_000;

export type ReportStatus = 'pending' | 'sent' | 'failed' | 'never';

export interface SendResult {
  status: 'delivered' | 'failed';
  resultCode: string;
  reportedAt: string;
}

export interface SendRecord {
  provider: Provider;
  providerMessageId: string;
  idempotencyKey: string;
  /** The normalized request, to tell an idempotent repeat from a reused key. */
  fingerprint: string;
  request: SendRequest;
  /** POSTs with this key: the refused 503, the accepted one and every idempotent repeat. */
  attempts: number;
  acceptedAt: number;
  outcome: Outcome;
  /** Set once the provider has decided; visible to polling even when the report is dropped or lost. */
  result: SendResult | null;
  reportStatus: ReportStatus;
}

/** The same request, whatever the order of its fields, gives the same fingerprint. */
export function fingerprint(request: SendRequest): string {
  const fields = Object.entries(request).filter(([, v]) => v !== undefined);
  return JSON.stringify(fields.sort(([a], [b]) => (a < b ? -1 : 1)));
}

export class SendStore {
  private readonly byId = new Map<string, SendRecord>();
  private readonly byKey = new Map<string, string>();
  /** Keys whose first attempt was answered 503, with the time of that answer. */
  private readonly refused = new Map<string, number>();

  private static key(provider: Provider, idempotencyKey: string) {
    return `${provider}:${idempotencyKey}`;
  }

  get(provider: Provider, providerMessageId: string): SendRecord | undefined {
    const record = this.byId.get(providerMessageId);
    return record?.provider === provider ? record : undefined;
  }

  findByKey(provider: Provider, idempotencyKey: string): SendRecord | undefined {
    const id = this.byKey.get(SendStore.key(provider, idempotencyKey));
    return id === undefined ? undefined : this.byId.get(id);
  }

  /** Notes a 503 answer; true when this key was already refused once (so this attempt goes through). */
  refuseOnce(provider: Provider, idempotencyKey: string, now: number): boolean {
    const key = SendStore.key(provider, idempotencyKey);
    if (this.refused.has(key)) return true;
    this.refused.set(key, now);
    this.prune(now);
    return false;
  }

  add(record: Omit<SendRecord, 'attempts'>): SendRecord {
    const key = SendStore.key(record.provider, record.idempotencyKey);
    const stored: SendRecord = { ...record, attempts: this.refused.has(key) ? 2 : 1 };
    this.refused.delete(key);
    this.byId.set(stored.providerMessageId, stored);
    this.byKey.set(key, stored.providerMessageId);
    this.prune(stored.acceptedAt);
    return stored;
  }

  list(to?: string): SendRecord[] {
    return [...this.byId.values()].filter((r) => to === undefined || r.request.to === to);
  }

  clear(): void {
    this.byId.clear();
    this.byKey.clear();
    this.refused.clear();
  }

  // Maps iterate in insertion order, which is acceptance order: the oldest entries come first.
  private prune(now: number): void {
    for (const [id, record] of this.byId) {
      if (this.byId.size <= MAX_RECORDS && now - record.acceptedAt <= MAX_RECORD_AGE_MS) break;
      this.byId.delete(id);
      this.byKey.delete(SendStore.key(record.provider, record.idempotencyKey));
    }
    for (const [key, at] of this.refused) {
      if (this.refused.size <= MAX_RECORDS && now - at <= MAX_RECORD_AGE_MS) break;
      this.refused.delete(key);
    }
  }
}
