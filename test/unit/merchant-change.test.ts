/** Business-information changes take effect no sooner than 10 days after the notice (Art. 4.1.3). */
import fc from 'fast-check';
import { BUSINESS_CHANGE_NOTICE_DAYS, noticeChange, type PendingChange } from '../../domain/merchant-change';

const DAY = 86_400_000;
const NOW = Date.parse('2026-03-02T01:00:00Z');
const CURRENT = {
  name: '바른상점',
  representative: '홍길동',
  address: '서울 중구',
  businessRegistrationNumber: '1248100998',
};
const at = (ms: number) => new Date(ms).toISOString();

describe('noticeChange', () => {
  it('schedules the change 10 days after the notice by default', () => {
    expect(noticeChange(CURRENT, null, { address: '서울 종로구' }, { id: 'chg_1', now: NOW })).toEqual({
      ok: true,
      change: { id: 'chg_1', fields: { address: '서울 종로구' }, noticedAt: at(NOW), effectiveAt: at(NOW + 10 * DAY) },
    });
  });

  it.each([
    ['exactly 10 days', 10 * DAY, true],
    ['30 days', 30 * DAY, true],
    ['9 days 23 hours', 10 * DAY - 3_600_000, false],
    ['now', 0, false],
    ['in the past', -DAY, false],
  ])('an effectiveAt %s after the notice is accepted: %s', (_what, offset, accepted) => {
    const result = noticeChange(
      CURRENT,
      null,
      { name: '바른상사' },
      { id: 'c', now: NOW, effectiveAt: at(NOW + offset) },
    );
    expect(result.ok).toBe(accepted);
    if (!result.ok)
      expect(result.violation).toMatchObject({
        code: 'notice_too_short',
        field: 'effectiveAt',
        earliest: at(NOW + 10 * DAY),
      });
  });

  it('joins a pending change (the later values win) and restarts its 10 days', () => {
    const pending: PendingChange = {
      id: 'chg_old',
      fields: { name: '바른상사', address: '부산' },
      noticedAt: at(NOW - 5 * DAY),
      effectiveAt: at(NOW + 5 * DAY),
    };
    const result = noticeChange(
      CURRENT,
      pending,
      { address: '대구', representative: '김철수' },
      { id: 'chg_new', now: NOW },
    );
    expect(result).toEqual({
      ok: true,
      change: {
        id: 'chg_new',
        fields: { name: '바른상사', address: '대구', representative: '김철수' },
        noticedAt: at(NOW),
        effectiveAt: at(NOW + 10 * DAY),
      },
    });
  });

  it('a value equal to the current one withdraws that field; nothing left means no change', () => {
    const pending: PendingChange = {
      id: 'p',
      fields: { name: '바른상사' },
      noticedAt: at(NOW),
      effectiveAt: at(NOW + 10 * DAY),
    };
    expect(noticeChange(CURRENT, pending, { name: CURRENT.name }, { id: 'c', now: NOW })).toEqual({
      ok: true,
      change: null,
    });
    expect(noticeChange(CURRENT, null, { address: CURRENT.address }, { id: 'c', now: NOW })).toEqual({
      ok: true,
      change: null,
    });
  });

  it('never takes effect sooner than 10 days after the notice (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_000_000_000_000 }),
        fc.option(fc.integer({ min: -30 * DAY, max: 400 * DAY })),
        fc.string({ minLength: 1, maxLength: 20 }),
        (now, offset, name) => {
          const result = noticeChange(
            CURRENT,
            null,
            { name },
            {
              id: 'c',
              now,
              effectiveAt: offset === null ? undefined : at(now + offset),
            },
          );
          if (result.ok && result.change)
            expect(Date.parse(result.change.effectiveAt) - now).toBeGreaterThanOrEqual(
              BUSINESS_CHANGE_NOTICE_DAYS * DAY,
            );
        },
      ),
    );
  });
});
