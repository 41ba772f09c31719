import fc from 'fast-check';
import {
  CHUNKS_PER_RUN,
  MAX_CAMPAIGN_RECIPIENTS,
  MAX_CHUNK,
  campaignCounts,
  checkRate,
  checkRecipientVariables,
  decideCampaignAction,
  initialStatus,
  isSettled,
  nextChunk,
  recipientsFromTable,
  settlePollDelay,
  type CampaignAction,
  type CampaignStatus,
  type CampaignTally,
  type Pace,
} from '../../domain/campaign';

const MINUTE = 60_000;
const T0 = Date.parse('2026-03-02T10:00:00+09:00');

/**
 * The CampaignWorkflow's dispatch loop in pure form: steps at the times nextChunk gives, an
 * optional pause (the pace starts afresh on resume), continue-as-new every CHUNKS_PER_RUN steps.
 */
function dispatch(
  total: number,
  ratePerMinute: number,
  pause?: { atStep: number; forMs: number },
): { sends: { at: number; size: number }[]; runs: number } {
  const sends: { at: number; size: number }[] = [];
  let pace: Pace = { since: T0, sent: 0 };
  let next = 0;
  let now = T0;
  let runs = 1;
  let stepsThisRun = 0;
  while (next < total) {
    if (pause && sends.length === pause.atStep) {
      now += pause.forMs;
      pace = { since: now, sent: 0 };
      pause = undefined;
    }
    const step = nextChunk(pace, ratePerMinute, total - next);
    now = Math.max(now, step.at);
    sends.push({ at: now, size: step.size });
    next += step.size;
    pace = { since: pace.since, sent: pace.sent + step.size };
    if (++stepsThisRun >= CHUNKS_PER_RUN && next < total) {
      runs++;
      stepsThisRun = 0;
    }
  }
  return { sends, runs };
}

/** The most recipients sent within any 60 s window. */
function busiestMinute(sends: { at: number; size: number }[]): number {
  let max = 0;
  let sum = 0;
  for (let i = 0, j = 0; i < sends.length; i++) {
    sum += sends[i].size;
    while (sends[i].at - sends[j].at >= MINUTE) sum -= sends[j++].size;
    max = Math.max(max, sum);
  }
  return max;
}

describe('campaign pacing (SPEC §7 ratePerMinute)', () => {
  it('sends 100,000 recipients at 6,000 a minute in about 17 minutes, never more than the rate plus one step a minute', () => {
    const { sends, runs } = dispatch(MAX_CAMPAIGN_RECIPIENTS, 6_000);
    const sent = sends.reduce((n, s) => n + s.size, 0);
    expect(sent).toBe(100_000);
    expect(sends.every((s) => s.size === 100)).toBe(true);
    expect(busiestMinute(sends)).toBeLessThanOrEqual(6_000 + 100);
    const minutes = (sends.at(-1)!.at - T0) / MINUTE;
    expect(minutes).toBeGreaterThan(16.5);
    expect(minutes).toBeLessThan(17);
    // 1,000 steps: four runs of at most 250 steps each keep every history small.
    expect(sends).toHaveLength(1_000);
    expect(runs).toBe(4);
  });

  it('sends a slow campaign one recipient at a time, evenly spaced', () => {
    const { sends } = dispatch(10, 30);
    expect(sends.map((s) => s.size)).toEqual(Array(10).fill(1));
    expect(sends.map((s) => s.at - T0)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18].map((s) => s * 1_000));
  });

  it('keeps a step to at most MAX_CHUNK recipients, however high the rate', () => {
    expect(nextChunk({ since: T0, sent: 0 }, 1_000_000, 100_000).size).toBe(MAX_CHUNK);
    expect(nextChunk({ since: T0, sent: 0 }, 6_000, 7).size).toBe(7);
  });

  it('does not burst after a pause: the rate counts afresh from the resume', () => {
    const { sends } = dispatch(3_000, 600, { atStep: 100, forMs: 10 * MINUTE });
    expect(sends.reduce((n, s) => n + s.size, 0)).toBe(3_000);
    expect(busiestMinute(sends)).toBeLessThanOrEqual(600 + 10);
    const gap = sends[100].at - sends[99].at;
    expect(gap).toBeGreaterThanOrEqual(10 * MINUTE);
  });

  it('holds to any rate and size: every recipient once, no minute over the rate plus one step', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3_000 }), fc.integer({ min: 1, max: 20_000 }), (total, rate) => {
        const { sends } = dispatch(total, rate);
        const step = Math.min(MAX_CHUNK, Math.max(1, Math.ceil(rate / 60)));
        return sends.reduce((n, s) => n + s.size, 0) === total && busiestMinute(sends) <= rate + step;
      }),
      { numRuns: 200 },
    );
  });

  it('polls a dispatched campaign for its last results from 2 s, doubling to 5 minutes', () => {
    expect([0, 1, 2, 3].map(settlePollDelay)).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(settlePollDelay(20)).toBe(5 * MINUTE);
  });

  it('takes the merchant’s cap when no rate is asked, and refuses one above it', () => {
    expect(checkRate(undefined, 6_000)).toEqual({ ok: true, ratePerMinute: 6_000 });
    expect(checkRate(120, 6_000)).toEqual({ ok: true, ratePerMinute: 120 });
    const over = checkRate(6_001, 6_000);
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.violation).toMatchObject({ code: 'rate_over_cap', field: 'ratePerMinute', cap: 6_000 });
  });
});

describe('campaign counts (GET /v1/campaigns/:id)', () => {
  it('follows 100,000 recipients from waiting to final: every recipient in exactly one count at every moment', () => {
    const total = MAX_CAMPAIGN_RECIPIENTS;
    const tally: CampaignTally = { recipients: { pending: total }, messages: {} };
    const add = (o: Record<string, number>, k: string, n: number) => (o[k] = (o[k] ?? 0) + n);
    const move = (from: 'pending', to: 'accepted' | 'rejected', n: number) => {
      add(tally.recipients, from, -n);
      add(tally.recipients, to, n);
    };
    const { sends } = dispatch(total, 6_000);
    const accepted: number[] = [];
    for (const [i, s] of sends.entries()) {
      // One row in 50 is refused (e.g. not a mobile number); the rest become messages.
      const refused = i % 2 === 0 ? 2 : 0;
      move('pending', 'rejected', refused);
      move('pending', 'accepted', s.size - refused);
      add(tally.messages, 'accepted', s.size - refused);
      accepted.push(s.size - refused);
      // The step before this one has meanwhile started sending and got its results: 9 in 10 delivered.
      if (i > 0) {
        const n = accepted[i - 1];
        add(tally.messages, 'accepted', -n);
        add(tally.messages, 'delivered', n - Math.floor(n / 10));
        add(tally.messages, 'failed', Math.floor(n / 10));
      }
      const c = campaignCounts(tally);
      expect(c.total).toBe(total);
      expect(c.rejected + c.scheduled + c.sending + c.delivered + c.failed + c.cancelled).toBe(total);
      expect(c.accepted).toBe(c.sending + c.delivered + c.failed);
      expect(isSettled(c)).toBe(false);
    }
    const last = accepted.at(-1)!;
    add(tally.messages, 'accepted', -last);
    add(tally.messages, 'delivered', last);
    const done = campaignCounts(tally);
    expect(done).toMatchObject({ total, rejected: 1_000, accepted: 99_000, scheduled: 0, sending: 0, cancelled: 0 });
    expect(done.delivered + done.failed).toBe(99_000);
    expect(isSettled(done)).toBe(true);
  });

  it('counts a cancelled campaign’s waiting recipients as cancelled', () => {
    const c = campaignCounts({
      recipients: { accepted: 300, rejected: 5, cancelled: 695 },
      messages: { delivered: 290, failed: 4, sending: 6 },
    });
    expect(c).toEqual({
      total: 1_000,
      accepted: 300,
      rejected: 5,
      scheduled: 0,
      sending: 6,
      delivered: 290,
      failed: 4,
      cancelled: 695,
    });
    expect(isSettled(c)).toBe(false);
  });

  it('partitions the recipients whatever the mix', () => {
    const n = fc.nat({ max: 100_000 });
    fc.assert(
      fc.property(
        fc.record({ pending: n, rejected: n, cancelled: n }),
        fc.record({ accepted: n, scheduled: n, sending: n, delivered: n, failed: n, cancelled: n }),
        (r, m) => {
          const accepted = Object.values(m).reduce((a, b) => a + b, 0);
          const c = campaignCounts({ recipients: { ...r, accepted }, messages: m });
          return (
            c.total === r.pending + r.rejected + r.cancelled + accepted &&
            c.rejected + c.scheduled + c.sending + c.delivered + c.failed + c.cancelled === c.total
          );
        },
      ),
    );
  });
});

describe('pause, resume, cancel (decideCampaignAction)', () => {
  it('starts a campaign scheduled for later as `scheduled`, any other as `running`', () => {
    expect(initialStatus(T0 + 1, T0)).toBe('scheduled');
    expect(initialStatus(T0, T0)).toBe('running');
    expect(initialStatus(null, T0)).toBe('running');
  });

  const later = T0 + 60 * MINUTE;
  const table: [CampaignStatus, boolean, CampaignAction, number | null, string][] = [
    ['running', false, 'pause', null, 'paused'],
    ['scheduled', false, 'pause', later, 'paused'],
    ['paused', false, 'resume', null, 'running'],
    ['paused', false, 'resume', later, 'scheduled'],
    ['paused', false, 'resume', T0 - MINUTE, 'running'],
    ['running', false, 'cancel', null, 'cancelled'],
    ['paused', false, 'cancel', null, 'cancelled'],
    ['scheduled', false, 'cancel', later, 'cancelled'],
    ['paused', false, 'pause', null, 'campaign_paused'],
    ['running', false, 'resume', null, 'campaign_not_paused'],
    ['running', true, 'pause', null, 'campaign_dispatched'],
    ['running', true, 'cancel', null, 'campaign_dispatched'],
    ['paused', true, 'resume', null, 'running'],
    ['completed', true, 'resume', null, 'campaign_closed'],
    ['cancelled', false, 'cancel', null, 'campaign_closed'],
    ['completed', true, 'pause', null, 'campaign_closed'],
  ];
  it.each(table)(
    '%s (dispatched: %s) + %s (scheduled at %s) → %s',
    (status, dispatched, action, scheduledAt, expected) => {
      const d = decideCampaignAction({ status, dispatched, scheduledAt }, action, T0);
      expect(d.ok ? d.status : d.violation.code).toBe(expected);
    },
  );
});

describe('recipients from a CSV upload (header row → to and variables)', () => {
  it('maps the `to` column to the recipient and every other column to a variable of its name', () => {
    const r = recipientsFromTable([
      ['name', 'To', 'order'],
      ['홍길동', ' 010-1234-5678 ', 'A-1001'],
      ['김철수', '01098765432', 'A-1002'],
    ]);
    expect(r).toEqual({
      ok: true,
      recipients: [
        { to: '010-1234-5678', variables: { name: '홍길동', order: 'A-1001' } },
        { to: '01098765432', variables: { name: '김철수', order: 'A-1002' } },
      ],
    });
  });

  it('takes a file with only a `to` column as recipients without variables', () => {
    expect(recipientsFromTable([['to'], ['01012345678']])).toEqual({ ok: true, recipients: [{ to: '01012345678' }] });
  });

  it.each([
    [[], 'csv_empty'],
    [[['phone', 'name']], 'csv_to_column_missing'],
    [[['to', '']], 'csv_column_unnamed'],
    [[['to', 'name', 'name']], 'csv_column_repeated'],
    [[['to', 'name'], ['01012345678']], 'csv_row_width'],
  ])('refuses %j with %s', (rows, code) => {
    const r = recipientsFromTable(rows as string[][]);
    expect(r.ok ? 'ok' : r.violations[0].code).toBe(code);
  });

  it('names the spreadsheet row of a short row', () => {
    const r = recipientsFromTable([['to', 'name'], ['01012345678', 'a'], ['01012345679']]);
    expect(r.ok ? undefined : r.violations[0]).toMatchObject({ code: 'csv_row_width', row: 3 });
  });

  it('refuses more than 100,000 rows', () => {
    const rows = [['to'], ...Array.from({ length: MAX_CAMPAIGN_RECIPIENTS + 1 }, () => ['01012345678'])];
    const r = recipientsFromTable(rows);
    expect(r.ok ? undefined : r.violations[0]).toMatchObject({ code: 'too_many_recipients', limit: 100_000 });
  });

  it('accepts per-recipient variables only for an AlimTalk template', () => {
    const recipients = [{ to: '01012345678' }, { to: '01012345679', variables: { name: '홍길동' } }];
    expect(checkRecipientVariables('alimtalk', recipients)).toEqual([]);
    expect(checkRecipientVariables('sms', [{ to: '01012345678' }])).toEqual([]);
    expect(checkRecipientVariables('sms', recipients)).toEqual([
      expect.objectContaining({ code: 'variables_need_template', field: 'recipients[1].variables' }),
    ]);
  });
});
