/**
 * The NHN Cloud adapters (activities/providers/nhn.ts) against the contract test double over HTTP
 * (test/support/nhn-double.ts): what goes on the wire, and how NHN's answers come back as sends,
 * refusals, outages and results.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { nhnKakaoProvider, nhnSmsProvider, nhnTemplateReviews, lmsTitleOf } from '../../activities/providers/nhn';
import { ProviderRejected, ProviderUnavailable, type KakaoSend, type SmsSend } from '../../activities/providers/types';
import { startNhnDouble, type RunningNhnDouble } from '../support/nhn-double';

const KAKAO = { appKey: 'kakao-app-key', secretKey: 'kakao-secret-key' };
const SMS = { appKey: 'sms-app-key', secretKey: 'sms-secret-key' };
const MSG = 'msg_01jd3x0k5q8m3v7c2z9w4t6y1r';

let double: RunningNhnDouble;
const kakaoEp = () => ({ url: double.url, ...KAKAO });
const smsEp = () => ({ url: double.url, ...SMS });

beforeAll(async () => {
  double = await startNhnDouble({
    kakao: KAKAO,
    sms: SMS,
    webhookSignature: 'double-signature-0123456789',
    resultDelayMs: 20,
  });
});
afterAll(() => double.close());
beforeEach(() => {
  double.requests.length = 0;
  double.outage = { kakao: null, sms: null };
  double.templateReview = () => ({ status: 'TSC03' });
});

const posts = (suffix: string) => double.requests.filter((r) => r.method === 'POST' && r.path.endsWith(suffix));

async function eventually<T>(fn: () => Promise<T | null | undefined>, ms = 3_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error('timed out');
    await delay(20);
  }
}

let n = 1000;
const mobile = (last4 = '1234') => `0109${n++}${last4}`;

async function approvedTemplate(code: string, text: string) {
  const t = await nhnTemplateReviews(kakaoEp()).submit({ senderKey: '@barun', code, text });
  expect(t.status).toBe('approved');
}

describe('AlimTalk', () => {
  beforeAll(() => approvedTemplate('ORDER_OK', '#{name}님, 주문 #{order}이(가) 접수되었습니다.'));

  const alimtalk = (to: string): KakaoSend => ({
    type: 'alimtalk',
    senderKey: '@barun',
    to,
    text: '홍길동님, 주문 A-1이(가) 접수되었습니다.',
    templateCode: 'ORDER_OK',
    variables: { name: '홍길동', order: 'A-1' },
  });

  it('sends with the template code and parameters, our key as idempotency and grouping key, NHN resend off', async () => {
    const key = `${MSG}:alimtalk`;
    const to = mobile();
    const { providerMessageId } = await nhnKakaoProvider(kakaoEp()).send(alimtalk(to), key);
    expect(providerMessageId).toMatch(/^nhn:alimtalk:\d{14}[A-Za-z0-9]{11}:1$/);
    const [req] = posts('/alimtalk/v2.3/appkeys/kakao-app-key/messages');
    expect(req.headers['x-secret-key']).toBe(KAKAO.secretKey);
    expect(req.headers['x-nc-api-idempotency-key']).toBe(key);
    expect(req.body).toEqual({
      senderKey: expect.stringMatching(/^[0-9a-f]{40}$/),
      templateCode: 'ORDER_OK',
      recipientList: [
        {
          recipientNo: to,
          templateParameter: { name: '홍길동', order: 'A-1' },
          resendParameter: { isResend: false },
          recipientGroupingKey: key,
        },
      ],
    });
    expect(double.sends('alimtalk').at(-1)!.content).toBe('홍길동님, 주문 A-1이(가) 접수되었습니다.');
  });

  it('looks the sender key up once per Kakao channel', async () => {
    const provider = nhnKakaoProvider(kakaoEp());
    await provider.send(alimtalk(mobile()), `${MSG}a:alimtalk`);
    await provider.send(alimtalk(mobile()), `${MSG}b:alimtalk`);
    expect(double.requests.filter((r) => r.path.endsWith('/senders')).map((r) => r.query)).toEqual([
      { plusFriendId: '@barun' },
    ]);
  });

  it('sends a text rendered by us (payment notices) as the full message', async () => {
    const { variables: _ignored, ...rendered } = alimtalk(mobile());
    await nhnKakaoProvider(kakaoEp()).send(rendered, `${MSG}c:alimtalk`);
    expect(posts('/raw-messages')[0].body.recipientList[0]).toMatchObject({
      content: '홍길동님, 주문 A-1이(가) 접수되었습니다.',
      resendParameter: { isResend: false },
    });
  });

  it('a repeat within 10 minutes answers -1005; the adapter returns the first send instead of a second', async () => {
    const provider = nhnKakaoProvider(kakaoEp());
    const key = `${MSG}d:alimtalk`;
    const first = await provider.send(alimtalk(mobile()), key);
    const again = await provider.send(alimtalk(mobile()), key);
    expect(again).toEqual(first);
    expect(double.sends('alimtalk').filter((s) => s.recipientGroupingKey === key)).toHaveLength(1);
  });

  it('a retry after a lost answer finds the send instead of sending again', async () => {
    const provider = nhnKakaoProvider(kakaoEp());
    const key = `${MSG}e:alimtalk`;
    const first = await provider.send(alimtalk(mobile()), key);
    double.requests.length = 0;
    expect(await provider.send(alimtalk(mobile()), key, { mayHaveSent: true })).toEqual(first);
    expect(posts('/messages')).toHaveLength(0);
  });

  it('polls results: delivered (1000), and 3019 "not a KakaoTalk user" as failed', async () => {
    const provider = nhnKakaoProvider(kakaoEp());
    const ok = await provider.send(alimtalk(mobile('1234')), `${MSG}f:alimtalk`);
    const notUser = await provider.send(alimtalk(mobile('9001')), `${MSG}g:alimtalk`);
    expect(await eventually(() => provider.status(ok.providerMessageId))).toEqual({
      status: 'delivered',
      resultCode: '1000',
      reportedAt: expect.stringMatching(/Z$/),
    });
    expect(await eventually(() => provider.status(notUser.providerMessageId))).toMatchObject({
      status: 'failed',
      resultCode: '3019',
    });
  });

  it('a refused recipient is ProviderRejected with NHN’s code', async () => {
    const send = { ...alimtalk(mobile()), variables: { name: '홍길동' } };
    await expect(nhnKakaoProvider(kakaoEp()).send(send, `${MSG}h:alimtalk`)).rejects.toMatchObject({
      name: 'ProviderRejected',
      code: '-3004',
    });
  });

  it('an unapproved template is refused (-3005)', async () => {
    double.templateReview = () => ({ status: 'TSC01' });
    await nhnTemplateReviews(kakaoEp()).submit({ senderKey: '@barun', code: 'PENDING_T', text: '안녕하세요' });
    await expect(
      nhnKakaoProvider(kakaoEp()).send(
        { ...alimtalk(mobile()), templateCode: 'PENDING_T', variables: {} },
        `${MSG}i:alimtalk`,
      ),
    ).rejects.toMatchObject({ code: '-3005' });
  });

  it.each([
    ['http_503', 'NHN answered HTTP 503'],
    ['system_error', 'NHN -9999'],
  ] as const)('an outage (%s) is ProviderUnavailable, marked as an outage', async (outage, text) => {
    double.outage.kakao = outage;
    const err = await nhnKakaoProvider(kakaoEp())
      .send(alimtalk(mobile()), `${MSG}j${outage}:alimtalk`)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderUnavailable);
    expect((err as ProviderUnavailable).outage).toBe(true);
    expect((err as Error).message).toContain(text);
  });

  it('wrong credentials are refused, and the secret is in no error', async () => {
    const err = await nhnKakaoProvider({ ...kakaoEp(), secretKey: 'not-the-secret' })
      .send(alimtalk(mobile()), `${MSG}k:alimtalk`)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderRejected);
    expect((err as ProviderRejected).code).toBe('-1001');
    expect((err as Error).message).not.toContain('not-the-secret');
  });

  it('an unreachable NHN is ProviderUnavailable, not an outage (it may have taken the send)', async () => {
    const err = await nhnKakaoProvider({ ...kakaoEp(), url: 'http://127.0.0.1:1' })
      .send(alimtalk(mobile()), `${MSG}l:alimtalk`)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderUnavailable);
    expect((err as ProviderUnavailable).outage).toBe(false);
  });
});

describe('FriendTalk as Brand Message', () => {
  const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);

  it('text goes out as a free-form TEXT message to channel friends', async () => {
    const to = mobile();
    const key = `${MSG}:friendtalk`;
    const sent = await nhnKakaoProvider(kakaoEp()).send(
      { type: 'friendtalk', senderKey: '@barun', to, text: '(광고) 바른상점\n봄 세일\n무료거부 080-123-4567' },
      key,
    );
    expect(sent.providerMessageId).toMatch(/^nhn:brand:/);
    const [req] = posts('/brand-message/v1.0/appkeys/kakao-app-key/freestyle-messages');
    expect(req.headers['x-nc-api-idempotency-key']).toBeUndefined();
    expect(req.body).toEqual({
      senderKey: expect.stringMatching(/^[0-9a-f]{40}$/),
      chatBubbleType: 'TEXT',
      content: '(광고) 바른상점\n봄 세일\n무료거부 080-123-4567',
      recipientList: [
        { recipientNo: to, targeting: 'I', resendParameter: { isResend: false }, recipientGroupingKey: key },
      ],
    });
  });

  it('an uploaded image goes to NHN by NHN’s own upload (once per image), then as IMAGE with NHN’s image URL', async () => {
    const provider = nhnKakaoProvider(kakaoEp());
    const image = { id: 'img_1', fileName: 'sale.png', format: 'png' as const, sha256: 'a'.repeat(64), content: PNG };
    const send = (to: string, key: string) =>
      provider.send({ type: 'friendtalk_image', senderKey: '@barun', to, text: '(광고) 바른상점 봄 세일', image }, key);
    await send(mobile(), `${MSG}m:friendtalk_image`);
    await send(mobile(), `${MSG}n:friendtalk_image`);
    const uploads = posts('/brand-message/v1.0/appkeys/kakao-app-key/images');
    expect(uploads).toHaveLength(1);
    expect(uploads[0].headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const [first] = posts('/freestyle-messages');
    expect(first.body).toMatchObject({ chatBubbleType: 'IMAGE', image: { imageUrl: `${double.url}/images/1.png` } });
  });

  it('results are polled from the Brand Message API', async () => {
    const provider = nhnKakaoProvider(kakaoEp());
    const sent = await provider.send(
      { type: 'friendtalk', senderKey: '@barun', to: mobile('9001'), text: '(광고) …' },
      `${MSG}o:friendtalk`,
    );
    expect(await eventually(() => provider.status(sent.providerMessageId))).toMatchObject({
      status: 'failed',
      resultCode: '3019',
    });
  });
});

describe('SMS and LMS', () => {
  const sms = (to: string, over: Partial<SmsSend> = {}): SmsSend => ({
    type: 'sms',
    from: '0223456789',
    to,
    text: '인증번호 1234',
    ...over,
  });

  it('SMS: body, sender number, our key as recipient grouping key', async () => {
    const to = mobile();
    const key = `${MSG}:sms`;
    const sent = await nhnSmsProvider(smsEp()).send(sms(to), key);
    expect(sent.providerMessageId).toMatch(/^nhn:sms:/);
    const [req] = posts('/sms/v3.0/appKeys/sms-app-key/sender/sms');
    expect(req.headers['x-secret-key']).toBe(SMS.secretKey);
    expect(req.body).toEqual({
      body: '인증번호 1234',
      sendNo: '0223456789',
      recipientList: [{ recipientNo: to, recipientGroupingKey: key }],
    });
  });

  it('LMS: the subject is the title; without one, the first line cut to 40 bytes', async () => {
    const provider = nhnSmsProvider(smsEp());
    await provider.send(sms(mobile(), { type: 'lms', subject: '주문 안내', text: '긴 본문' }), `${MSG}p:lms`);
    const long = `${'가'.repeat(30)}\n둘째 줄`;
    await provider.send(sms(mobile(), { type: 'lms', text: long }), `${MSG}q:lms`);
    const [withSubject, without] = posts('/sender/mms').map((r) => r.body.title);
    expect(withSubject).toBe('주문 안내');
    expect(without).toBe('가'.repeat(20));
    expect(lmsTitleOf('\n')).toBe('-');
  });

  it('results are polled: delivered, and a carrier failure with its code', async () => {
    const provider = nhnSmsProvider(smsEp());
    const ok = await provider.send(sms(mobile()), `${MSG}r:sms`);
    const lms = await provider.send(sms(mobile(), { type: 'lms', text: '장문' }), `${MSG}s:lms`);
    const rejected = await provider.send(sms(mobile('9003')), `${MSG}t:sms`);
    expect(await eventually(() => provider.status(ok.providerMessageId))).toMatchObject({
      status: 'delivered',
      resultCode: '1000',
    });
    expect(await eventually(() => provider.status(lms.providerMessageId))).toMatchObject({ status: 'delivered' });
    expect(await eventually(() => provider.status(rejected.providerMessageId))).toMatchObject({
      status: 'failed',
      resultCode: '3001',
    });
  });

  it('no idempotency header exists for SMS: a retry looks the send up by grouping key first', async () => {
    const provider = nhnSmsProvider(smsEp());
    const key = `${MSG}u:sms`;
    const first = await provider.send(sms(mobile()), key);
    expect(await provider.find!(key)).toEqual(first);
    double.requests.length = 0;
    expect(await provider.send(sms(mobile()), key, { mayHaveSent: true })).toEqual(first);
    expect(posts('/sender/sms')).toHaveLength(0);
    expect(double.requests[0].query).toMatchObject({
      recipientGroupingKey: key,
      startRequestDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
    });
  });

  it('a text NHN cannot carry is refused with NHN’s code, not retried', async () => {
    await expect(
      nhnSmsProvider(smsEp()).send(sms(mobile(), { text: '가'.repeat(46) }), `${MSG}v:sms`),
    ).rejects.toMatchObject({
      name: 'ProviderRejected',
      code: '4',
    });
  });

  it('an outage code is ProviderUnavailable marked as an outage', async () => {
    double.outage.sms = 'system_error';
    await expect(nhnSmsProvider(smsEp()).send(sms(mobile()), `${MSG}w:sms`)).rejects.toMatchObject({
      name: 'ProviderUnavailable',
      outage: true,
    });
  });
});

describe('AlimTalk template review', () => {
  it('registers the template with its buttons and maps the review status', async () => {
    const reviews = nhnTemplateReviews(kakaoEp());
    double.templateReview = () => ({ status: 'TSC01' });
    const submitted = await reviews.submit({
      senderKey: '@barun',
      code: 'SHIPPED',
      text: '#{name}님, 상품이 발송되었습니다.',
      buttons: [
        { type: 'DS', name: '배송 조회' },
        { type: 'WL', name: '주문 보기', urlMobile: 'https://shop.example/orders' },
      ],
    });
    expect(submitted).toEqual({ status: 'requested', reason: null });
    expect(posts('/templates')[0].body).toEqual({
      templateCode: 'SHIPPED',
      templateName: 'SHIPPED',
      templateContent: '#{name}님, 상품이 발송되었습니다.',
      templateMessageType: 'BA',
      templateEmphasizeType: 'NONE',
      buttons: [
        { ordering: 1, type: 'DS', name: '배송 조회' },
        { ordering: 2, type: 'WL', name: '주문 보기', linkMo: 'https://shop.example/orders' },
      ],
    });
    double.templates().find((t) => t.templateCode === 'SHIPPED')!.status = 'TSC03';
    expect(await reviews.status('@barun', 'SHIPPED')).toEqual({ status: 'approved', reason: null });
  });

  it('a rejection carries Kakao’s comment as the reason', async () => {
    double.templateReview = () => ({ status: 'TSC04', comment: '광고성 문구는 알림톡에 쓸 수 없습니다.' });
    expect(await nhnTemplateReviews(kakaoEp()).submit({ senderKey: '@barun', code: 'AD_T', text: '할인!' })).toEqual({
      status: 'rejected',
      reason: '광고성 문구는 알림톡에 쓸 수 없습니다.',
    });
  });

  it('a template NHN will not register is rejected with NHN’s reason; wrong credentials are not the template’s fault', async () => {
    const refused = await nhnTemplateReviews(kakaoEp()).submit({
      senderKey: '@barun',
      code: 'BAD_BUTTON',
      text: '안내',
      buttons: [{ type: 'WL', name: '' }],
    });
    expect(refused).toEqual({
      status: 'rejected',
      reason: expect.stringMatching(/^NHN refused the template \(4\): buttons/),
    });
    await expect(
      nhnTemplateReviews({ ...kakaoEp(), secretKey: 'wrong' }).submit({
        senderKey: '@barun',
        code: 'T2',
        text: '안내',
      }),
    ).rejects.toMatchObject({ code: '-1001' });
  });

  it('a registration retried after a lost answer reads the status (-3001: the code exists)', async () => {
    const reviews = nhnTemplateReviews(kakaoEp());
    await reviews.submit({ senderKey: '@barun', code: 'TWICE', text: '안내' });
    expect(await reviews.submit({ senderKey: '@barun', code: 'TWICE', text: '안내' })).toEqual({
      status: 'approved',
      reason: null,
    });
  });
});
