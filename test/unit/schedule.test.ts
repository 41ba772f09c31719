import {
  acceptedStatus,
  checkReschedule,
  checkScheduleChange,
  checkScheduledAt,
  latestScheduleTime,
} from '../../domain/schedule';

const NOW = new Date('2026-03-02T10:00:00+09:00');
const at = (iso: string) => new Date(iso);

describe('scheduled sends (SPEC §4 예약발송)', () => {
  it('sends at once when no time, a past time or now is given', () => {
    expect(checkScheduledAt(undefined, NOW)).toEqual({ ok: true, at: null });
    expect(checkScheduledAt(at('2026-03-01T10:00:00+09:00'), NOW)).toEqual({ ok: true, at: null });
    expect(checkScheduledAt(NOW, NOW)).toEqual({ ok: true, at: null });
    expect(acceptedStatus('2026-03-02T09:59:59+09:00', NOW)).toBe('accepted');
    expect(acceptedStatus(undefined, NOW)).toBe('accepted');
  });

  it('schedules up to one calendar year ahead, to the millisecond', () => {
    const latest = latestScheduleTime(NOW);
    expect(latest.toISOString()).toBe(at('2027-03-02T10:00:00+09:00').toISOString());
    expect(checkScheduledAt(latest, NOW)).toEqual({ ok: true, at: latest });
    expect(acceptedStatus('2026-03-02T10:00:10+09:00', NOW)).toBe('scheduled');
    const tooFar = checkScheduledAt(new Date(+latest + 1), NOW);
    expect(tooFar.ok ? undefined : tooFar.violation).toMatchObject({
      code: 'scheduled_too_far',
      field: 'scheduledAt',
      latest: '2027-03-02T10:00:00.000+09:00',
    });
  });

  it('counts a year across a leap day in Korean calendar terms', () => {
    expect(latestScheduleTime(at('2027-02-28T23:30:00+09:00')).toISOString()).toBe(
      at('2028-02-28T23:30:00+09:00').toISOString(),
    );
  });

  it('lets only a scheduled message be cancelled or moved', () => {
    expect(checkScheduleChange('scheduled')).toEqual({ ok: true });
    for (const status of ['accepted', 'sending', 'delivered', 'failed', 'cancelled']) {
      const c = checkScheduleChange(status);
      expect(c.ok ? 'ok' : c.violation.code).toBe('message_not_scheduled');
    }
  });

  describe('rescheduling', () => {
    it('moves an SMS to any time within the year; a past time means at once', () => {
      expect(
        checkReschedule({
          type: 'sms',
          requested: at('2026-03-02T23:00:00+09:00'),
          now: NOW,
          holdDuringQuietHours: false,
        }),
      ).toEqual({
        ok: true,
        schedule: {
          scheduledAt: at('2026-03-02T23:00:00+09:00'),
          heldUntil: null,
          startsAt: at('2026-03-02T23:00:00+09:00'),
        },
      });
      expect(
        checkReschedule({ type: 'sms', requested: at('2020-01-01T00:00:00Z'), now: NOW, holdDuringQuietHours: false }),
      ).toEqual({ ok: true, schedule: { scheduledAt: null, heldUntil: null, startsAt: NOW } });
    });

    it('refuses a FriendTalk moved into 20:50–08:00 KST, unless it asked to be held until 08:00', () => {
      const night = at('2026-03-02T21:30:00+09:00');
      const refused = checkReschedule({ type: 'friendtalk', requested: night, now: NOW, holdDuringQuietHours: false });
      expect(refused.ok ? 'ok' : refused.violations[0].code).toBe('ad_quiet_hours');
      expect(
        checkReschedule({ type: 'friendtalk_image', requested: night, now: NOW, holdDuringQuietHours: true }),
      ).toEqual({
        ok: true,
        schedule: {
          scheduledAt: night,
          heldUntil: at('2026-03-03T08:00:00+09:00'),
          startsAt: at('2026-03-03T08:00:00+09:00'),
        },
      });
      expect(
        checkReschedule({
          type: 'friendtalk',
          requested: at('2026-03-02T20:49:59+09:00'),
          now: NOW,
          holdDuringQuietHours: false,
        }).ok,
      ).toBe(true);
    });

    it('refuses a new time more than a year ahead', () => {
      const r = checkReschedule({
        type: 'lms',
        requested: at('2027-03-03T00:00:00+09:00'),
        now: NOW,
        holdDuringQuietHours: false,
      });
      expect(r.ok ? 'ok' : r.violations[0].code).toBe('scheduled_too_far');
    });
  });
});
