/**
 * Campaigns (대량발송, SPEC §4, §7): one content to up to 100,000 recipients, each an ordinary
 * message, sent at the merchant's rate. What a campaign may do next, how fast its messages go out,
 * and what its counts say are decided here; the CampaignWorkflow only sequences them.
 */
import type { MessageStatus } from './delivery';
import { refuse, violation, type Refusal, type RuleViolation } from './rules';
import { formatCount } from './text';

export const MAX_CAMPAIGN_RECIPIENTS = 100_000;

export const CAMPAIGN_STATUSES = ['scheduled', 'running', 'paused', 'completed', 'cancelled'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const CAMPAIGN_ACTIONS = ['pause', 'resume', 'cancel'] as const;
export type CampaignAction = (typeof CAMPAIGN_ACTIONS)[number];

export const isClosed = (s: CampaignStatus): boolean => s === 'completed' || s === 'cancelled';

export interface CampaignState {
  status: CampaignStatus;
  /** Every recipient's message has been created: nothing is left to pause or cancel. */
  dispatched: boolean;
  /** When a scheduled campaign starts (epoch ms), null for at once. */
  scheduledAt: number | null;
}

/** A new campaign waits for its time, or runs at once. */
export const initialStatus = (scheduledAt: number | null, now: number): CampaignStatus =>
  scheduledAt !== null && scheduledAt > now ? 'scheduled' : 'running';

export type CampaignRefusal = 'campaign_closed' | 'campaign_dispatched' | 'campaign_not_paused' | 'campaign_paused';
export type CampaignDecision = { ok: true; status: CampaignStatus } | Refusal<CampaignRefusal>;

/** Pause, resume or cancel (SPEC §7): what the campaign becomes, or why it cannot (a conflict). */
export function decideCampaignAction(state: CampaignState, action: CampaignAction, now: number): CampaignDecision {
  if (isClosed(state.status))
    return refuse('campaign_closed', `the campaign is ${state.status}: nothing more can change`, {
      status: state.status,
    });
  if (action === 'resume') {
    if (state.status !== 'paused') return refuse('campaign_not_paused', `the campaign is ${state.status}, not paused`);
    return { ok: true, status: state.scheduledAt !== null && state.scheduledAt > now ? 'scheduled' : 'running' };
  }
  // Messages already created are ordinary messages on their way: pause and cancel stop only the rest.
  if (state.dispatched)
    return refuse(
      'campaign_dispatched',
      'every recipient’s message has already started; nothing is left to pause or cancel',
    );
  if (action === 'pause') {
    if (state.status === 'paused') return refuse('campaign_paused', 'the campaign is already paused');
    return { ok: true, status: 'paused' };
  }
  return { ok: true, status: 'cancelled' };
}

// --- Pacing ---

/** Messages created per step at most: a step is one activity, so its work stays short. */
export const MAX_CHUNK = 200;
/** Steps per workflow run before it continues as new, keeping its history small at 100,000 recipients. */
export const CHUNKS_PER_RUN = 250;

export type RateCheck = { ok: true; ratePerMinute: number } | Refusal<'rate_over_cap'>;

/** The campaign's rate: as asked, at most the merchant's cap; the cap when none is asked. */
export function checkRate(requested: number | undefined, capPerMinute: number): RateCheck {
  if (requested === undefined) return { ok: true, ratePerMinute: capPerMinute };
  if (requested > capPerMinute)
    return refuse(
      'rate_over_cap',
      `ratePerMinute may be at most ${formatCount(capPerMinute)} for this merchant; ${formatCount(requested)} was asked`,
      { field: 'ratePerMinute', cap: capPerMinute },
    );
  return { ok: true, ratePerMinute: requested };
}

/** Where pacing counts from: since `since` (epoch ms), `sent` recipients went out. Reset on resume. */
export interface Pace {
  since: number;
  sent: number;
}

/**
 * The next step: how many recipients, and when (epoch ms). About one step a second — the rate's
 * per-second share, at least one, at most MAX_CHUNK — and never ahead of `ratePerMinute` measured
 * from the pace's start, so a minute never carries more than the rate plus one step.
 */
export function nextChunk(pace: Pace, ratePerMinute: number, remaining: number): { size: number; at: number } {
  const size = Math.max(0, Math.min(remaining, MAX_CHUNK, Math.max(1, Math.ceil(ratePerMinute / 60))));
  return { size, at: pace.since + Math.ceil((pace.sent * 60_000) / ratePerMinute) };
}

/** How often a dispatched campaign looks whether its messages have all finished: 2 s, doubling to 5 min. */
export function settlePollDelay(n: number): number {
  return Math.min(5 * 60_000, 2_000 * 2 ** Math.min(n, 10));
}

// --- Counts ---

/** The recipients' side: each waits its turn, became a message, was refused, or was cancelled before its turn. */
export const RECIPIENT_STATES = ['pending', 'accepted', 'rejected', 'cancelled'] as const;
export type RecipientState = (typeof RECIPIENT_STATES)[number];

export interface CampaignTally {
  recipients: Partial<Record<RecipientState, number>>;
  /** The campaign's messages by status. */
  messages: Partial<Record<MessageStatus, number>>;
}

export interface CampaignCounts {
  total: number;
  /** Recipients whose message was created. */
  accepted: number;
  /** Recipients the acceptance rules refused (reported per row). */
  rejected: number;
  /** Recipients still waiting their turn. */
  scheduled: number;
  /** Messages on their way: accepted or sending. */
  sending: number;
  delivered: number;
  failed: number;
  /** Recipients cancelled before their turn, and messages cancelled. */
  cancelled: number;
}

/** GET /v1/campaigns/:id's counts: every recipient is in exactly one of rejected, scheduled, sending, delivered, failed, cancelled. */
export function campaignCounts(t: CampaignTally): CampaignCounts {
  const r = (s: RecipientState) => t.recipients[s] ?? 0;
  const m = (s: MessageStatus) => t.messages[s] ?? 0;
  return {
    total: RECIPIENT_STATES.reduce((sum, s) => sum + r(s), 0),
    accepted: r('accepted'),
    rejected: r('rejected'),
    scheduled: r('pending') + m('scheduled'),
    sending: m('accepted') + m('sending'),
    delivered: m('delivered'),
    failed: m('failed'),
    cancelled: r('cancelled') + m('cancelled'),
  };
}

/** Every recipient is decided and every message has its final status: the campaign is complete. */
export const isSettled = (c: CampaignCounts): boolean => c.scheduled === 0 && c.sending === 0;

// --- Recipients from a CSV upload ---

export interface CampaignRecipient {
  to: string;
  variables?: Record<string, string>;
}

const TO_COLUMN = 'to';

/**
 * The recipients of a CSV upload: the header row names the columns, `to` is the recipient and every
 * other column a template variable of that name. Rows are numbered as a spreadsheet shows them.
 */
export function recipientsFromTable(
  rows: string[][],
  field = 'recipientsCsv',
): { ok: true; recipients: CampaignRecipient[] } | { ok: false; violations: RuleViolation[] } {
  const refused = (code: string, message: string, details: Record<string, unknown> = {}) => ({
    ok: false as const,
    violations: [violation(code, field, message, details)],
  });
  const [header, ...data] = rows;
  if (!header) return refused('csv_empty', 'the CSV has no header row');
  const names = header.map((h) => h.trim());
  const toIndex = names.findIndex((n) => n.toLowerCase() === TO_COLUMN);
  if (toIndex < 0)
    return refused('csv_to_column_missing', 'the CSV header row must name a column "to" (the recipient)');
  const empty = names.findIndex((n) => n === '');
  if (empty >= 0) return refused('csv_column_unnamed', `column ${empty + 1} of the header row has no name`);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate !== undefined) return refused('csv_column_repeated', `the header row names "${duplicate}" twice`);
  if (data.length > MAX_CAMPAIGN_RECIPIENTS)
    return refused(
      'too_many_recipients',
      `a campaign has at most ${formatCount(MAX_CAMPAIGN_RECIPIENTS)} recipients; the CSV has ${formatCount(data.length)} rows`,
      { limit: MAX_CAMPAIGN_RECIPIENTS, actual: data.length },
    );
  const recipients: CampaignRecipient[] = [];
  for (const [i, row] of data.entries()) {
    if (row.length !== names.length)
      return refused('csv_row_width', `row ${i + 2} has ${row.length} columns; the header row has ${names.length}`, {
        row: i + 2,
      });
    const variables = Object.fromEntries(names.flatMap((n, c) => (c === toIndex ? [] : [[n, row[c]]])));
    recipients.push(
      Object.keys(variables).length ? { to: row[toIndex].trim(), variables } : { to: row[toIndex].trim() },
    );
  }
  return { ok: true, recipients };
}

/** Per-recipient variables fill a template's #{slots}: other messages have one text for everyone. */
export function checkRecipientVariables(type: string, recipients: CampaignRecipient[]): RuleViolation[] {
  if (type === 'alimtalk') return [];
  const index = recipients.findIndex((r) => r.variables && Object.keys(r.variables).length > 0);
  if (index < 0) return [];
  return [
    violation(
      'variables_need_template',
      `recipients[${index}].variables`,
      `per-recipient variables fill an AlimTalk template; a ${type} campaign sends one text to every recipient`,
    ),
  ];
}
