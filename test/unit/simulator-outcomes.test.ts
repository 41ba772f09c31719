import { outcomeFor, RESULT_CODES, TEST_NUMBERS, type Outcome, type Provider } from '../../simulator/outcomes';

const to = (last4: string) => `0101234${last4}`;
const delivered = (provider: Provider, timing: 'normal' | 'late' = 'normal'): Outcome['result'] => ({
  status: 'delivered',
  resultCode: RESULT_CODES[provider].delivered,
  timing,
});
const KAKAO_FAILED: Outcome['result'] = { status: 'failed', resultCode: '3018', timing: 'prompt' };
/** An outcome whose sends are accepted at once, unless `unavailable` answers 503 to the first or every attempt. */
const outcome = (
  behaviour: Outcome['behaviour'],
  result: Outcome['result'],
  unavailable: 'first' | 'always' | null = null,
): Outcome => ({
  behaviour,
  unavailableFirstAttempt: unavailable === 'first',
  unavailableAlways: unavailable === 'always',
  result,
});

describe('carrier simulator test numbers (SPEC §8)', () => {
  it.each(['5678', '0000', '9000', '9009', '1234'])('delivers on both channels for …%s', (last4) => {
    for (const provider of ['kakao', 'sms'] as const) {
      expect(outcomeFor(provider, to(last4))).toEqual(outcome('deliver', delivered(provider)));
    }
  });

  it('9001: Kakao fails at once (not a KakaoTalk user, 3018); SMS/LMS delivers', () => {
    expect(outcomeFor('kakao', to('9001'))).toEqual(outcome('fail_now', KAKAO_FAILED));
    expect(outcomeFor('sms', to('9001')).result).toEqual(delivered('sms'));
  });

  it('9002: Kakao never reports; SMS/LMS delivers', () => {
    expect(outcomeFor('kakao', to('9002'))).toEqual(outcome('silent', null));
    expect(outcomeFor('sms', to('9002')).result).toEqual(delivered('sms'));
  });

  it('9003: Kakao fails; the SMS/LMS carrier rejects the number (2003)', () => {
    expect(outcomeFor('kakao', to('9003')).result).toEqual(KAKAO_FAILED);
    expect(outcomeFor('sms', to('9003'))).toEqual(
      outcome('reject', { status: 'failed', resultCode: '2003', timing: 'normal' }),
    );
  });

  it('9004: Kakao fails; the SMS/LMS carrier never reports', () => {
    expect(outcomeFor('kakao', to('9004')).result).toEqual(KAKAO_FAILED);
    expect(outcomeFor('sms', to('9004'))).toEqual(outcome('silent', null));
  });

  it('9005: Kakao succeeds only after the Kakao timeout; SMS/LMS delivers normally', () => {
    expect(outcomeFor('kakao', to('9005'))).toEqual(outcome('deliver_late', delivered('kakao', 'late')));
    expect(outcomeFor('sms', to('9005')).result).toEqual(delivered('sms'));
  });

  it('9006: both providers refuse the first attempt, then deliver', () => {
    for (const provider of ['kakao', 'sms'] as const) {
      expect(outcomeFor(provider, to('9006'))).toEqual(outcome('unavailable_once', delivered(provider), 'first'));
    }
  });

  it('9007: Kakao answers 503 to every attempt (an outage) and never sends; SMS/LMS delivers', () => {
    expect(outcomeFor('kakao', to('9007'))).toEqual(outcome('unavailable', null, 'always'));
    expect(outcomeFor('sms', to('9007')).result).toEqual(delivered('sms'));
  });

  it('9008: the SMS/LMS carrier answers 503 to every attempt; Kakao delivers', () => {
    expect(outcomeFor('sms', to('9008'))).toEqual(outcome('unavailable', null, 'always'));
    expect(outcomeFor('kakao', to('9008')).result).toEqual(delivered('kakao'));
  });

  it('reads only the last 4 digits', () => {
    expect(outcomeFor('kakao', '01090011234').behaviour).toBe('deliver');
    expect(outcomeFor('kakao', '01190019001').behaviour).toBe('fail_now');
  });

  it('uses the documented result codes', () => {
    expect(RESULT_CODES).toEqual({
      kakao: { delivered: '0000', notKakaoUser: '3018' },
      sms: { delivered: '1000', rejected: '2003' },
    });
    expect(Object.keys(TEST_NUMBERS).sort()).toEqual(['9001', '9002', '9003', '9004', '9005', '9006', '9007', '9008']);
  });
});
