/** NHN Cloud's codes in bizmsg's words (domain/nhn.ts; docs/providers.md "What is mapped how"). */
import fc from 'fast-check';
import {
  kakaoResultOf,
  nhnKstStamp,
  nhnMessageId,
  nhnReportOf,
  parseNhnKstStamp,
  parseNhnMessageId,
  smsResultOf,
  templateReviewOf,
} from '../../domain/nhn';

describe('Kakao results (AlimTalk / Brand Message)', () => {
  it.each([
    [{ resultCode: '1000' }, { status: 'delivered', resultCode: '1000' }],
    [{ resultCode: 'MRC01' }, { status: 'delivered', resultCode: 'MRC01' }],
    [
      { resultCode: '3019', messageStatus: 'FAILED' },
      { status: 'failed', resultCode: '3019' },
    ], // not a KakaoTalk user
    [{ resultCode: '3018' }, { status: 'failed', resultCode: '3018' }], // cannot be sent (inactive user …)
    [{ resultCode: '3016' }, { status: 'failed', resultCode: '3016' }], // content does not match the template
    [{ resultCode: 'MRC02' }, { status: 'failed', resultCode: 'MRC02' }],
    [{ messageStatus: 'FAILED' }, { status: 'failed', resultCode: 'FAILED' }],
    [
      { messageStatus: 'CANCEL', resultCode: '' },
      { status: 'failed', resultCode: 'CANCEL' },
    ],
    [{ messageStatus: 'COMPLETED', resultCode: null }, null], // success needs Kakao's code
    [{ messageStatus: 'SENDREADY' }, null],
    [{}, null],
  ])('%j → %j', (input, expected) => {
    expect(kakaoResultOf(input)).toEqual(expected);
  });
});

describe('SMS/LMS results', () => {
  it.each([
    [
      { msgStatus: '3', resultCode: '1000' },
      { status: 'delivered', resultCode: '1000' },
    ],
    [{ msgStatus: '3' }, { status: 'delivered', resultCode: '1000' }],
    [
      { msgStatus: '0', resultCode: '3001' },
      { status: 'failed', resultCode: '3001' },
    ],
    [
      { msgStatus: '3', resultCode: '2003' },
      { status: 'failed', resultCode: '2003' },
    ], // device power off
    [{ msgStatus: '0' }, { status: 'failed', resultCode: 'msgStatus_0' }],
    [{ msgStatus: '4' }, { status: 'failed', resultCode: 'msgStatus_4' }],
    [{ msgStatus: '5' }, { status: 'failed', resultCode: 'msgStatus_5' }],
    [{ msgStatus: '1' }, null],
    [{ msgStatus: '2', resultCode: '' }, null],
  ])('%j → %j', (input, expected) => {
    expect(smsResultOf(input)).toEqual(expected);
  });
});

it.each([
  ['TSC01', 'requested'],
  ['TSC02', 'requested'],
  ['TSC03', 'approved'],
  ['TSC04', 'rejected'],
])('template status %s is %s', (status, review) => {
  expect(templateReviewOf(status)).toBe(review);
});

describe('provider message ids', () => {
  it('round-trip request id and recipient sequence', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('alimtalk', 'brand', 'sms', 'mms' as const),
        fc.stringMatching(/^[A-Za-z0-9]{25}$/),
        fc.integer({ min: 1, max: 1000 }),
        (api, requestId, seq) => {
          expect(parseNhnMessageId(nhnMessageId(api, requestId, seq))).toEqual({ api, requestId, recipientSeq: seq });
        },
      ),
    );
  });

  it.each(['kko_123', 'nhn:email:R:1', 'nhn:sms:R', 'nhn:sms:R:x', 'nhn:sms:a/b:1'])('%s is not one', (id) => {
    expect(parseNhnMessageId(id)).toBeNull();
  });
});

describe('KST stamps', () => {
  it('formats instants as NHN wants them', () => {
    const at = Date.parse('2026-03-01T15:04:05Z'); // 2026-03-02 00:04:05 KST
    expect(nhnKstStamp(at, false)).toBe('2026-03-02 00:04');
    expect(nhnKstStamp(at, true)).toBe('2026-03-02 00:04:05');
  });

  it.each([
    ['2018-08-10 10:06:42.0', '2018-08-10T01:06:42.000Z'],
    ['2018-08-10 10:06', '2018-08-10T01:06:00.000Z'],
    ['2023-06-01', '2023-05-31T15:00:00.000Z'],
    ['2023-13-01', null],
    ['', null],
    [null, null],
  ])('reads %s', (text, iso) => {
    expect(parseNhnKstStamp(text)).toBe(iso);
  });
});

describe('webhook hooks as provider reports', () => {
  const key = 'msg_01jd3x0k5q8m3v7c2z9w4t6y1r:alimtalk';
  const hook = {
    kakaoMessageType: 'ALIMTALK_NORMAL',
    requestId: '20180810100630ReZQ6KZzAH0',
    recipientSeq: '1',
    resultCode: '3019',
    receiveDate: '2018-08-10 10:06:42',
    recipientGroupingKey: key,
  };

  it('maps a result hook to our report', () => {
    expect(nhnReportOf(hook)).toEqual({
      providerMessageId: 'nhn:alimtalk:20180810100630ReZQ6KZzAH0:1',
      idempotencyKey: key,
      status: 'failed',
      resultCode: '3019',
      reportedAt: '2018-08-10T01:06:42.000Z',
    });
    expect(
      nhnReportOf({
        ...hook,
        kakaoMessageType: 'BRAND_MESSAGE_NORMAL',
        resultCode: '1000',
        recipientGroupingKey: key.replace('alimtalk', 'friendtalk'),
      }),
    ).toMatchObject({ providerMessageId: 'nhn:brand:20180810100630ReZQ6KZzAH0:1', status: 'delivered' });
  });

  it.each([
    ['not ours (sent from the console)', { recipientGroupingKey: 'campaign-7' }],
    ['an SMS key', { recipientGroupingKey: key.replace('alimtalk', 'sms') }],
    ['no result yet', { resultCode: '' }],
    ['an unknown message type', { kakaoMessageType: 'RCS_NORMAL' }],
    ['no sequence', { recipientSeq: 'x' }],
  ])('ignores a hook that is %s', (_why, change) => {
    expect(nhnReportOf({ ...hook, ...change })).toBeNull();
  });
});
