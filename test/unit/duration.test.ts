import { formatDuration, parseDuration } from '../../domain/duration';

describe('reading durations from configuration (KAKAO_RESULT_TIMEOUT, RESULT_WINDOW)', () => {
  it.each([
    ['30s', 30_000],
    ['48h', 172_800_000],
    ['250ms', 250],
    ['5m', 300_000],
    ['2d', 172_800_000],
    ['1.5s', 1_500],
    ['0.5h', 1_800_000],
    [' 30 s ', 30_000],
    ['0.5ms', 1],
  ])('reads %p as %i ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it('the defaults of the spec read as expected', () => {
    expect(parseDuration('30s')).toBe(30 * 1000);
    expect(parseDuration('48h')).toBe(48 * 3600 * 1000);
  });

  it.each(['30', 's', '30 sec', '1w', '-5s', '+5s', '1e3s', '30S', '', '5m30s', '.5s', 'thirty seconds'])(
    'refuses %p and says how to write it',
    (text) => {
      expect(() => parseDuration(text)).toThrow(RangeError);
      expect(() => parseDuration(text)).toThrow(/use a number and one of ms, s, m, h, d/);
    },
  );

  it.each(['0s', '0ms', '0.0d', '0.4ms', '0.0001s'])('refuses %p: a duration must be at least 1 ms', (text) => {
    expect(() => parseDuration(text)).toThrow(/must be positive/);
  });

  it('refuses a duration too large to hold exactly', () => {
    expect(() => parseDuration('9999999999999d')).toThrow(RangeError);
  });

  it('names the offending text in the error', () => {
    expect(() => parseDuration('48 hours')).toThrow('"48 hours"');
  });
});

describe('writing durations for people', () => {
  it.each([
    [30_000, '30s'],
    [90_000, '90s'],
    [300_000, '5m'],
    [3_600_000, '1h'],
    [172_800_000, '2d'],
    [129_600_000, '36h'],
    [1_500, '1500ms'],
    [1, '1ms'],
  ])('writes %i ms as %p', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it.each([1, 999, 1_000, 61_000, 3_600_000, 86_400_000, 90_061_001])('reads back what it wrote for %i ms', (ms) => {
    expect(parseDuration(formatDuration(ms))).toBe(ms);
  });
});
