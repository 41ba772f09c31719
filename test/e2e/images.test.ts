/**
 * FriendTalk images by upload (SPEC §2, §7): `POST /v1/images` checks the image rules once and
 * stores it; messages reference it by `imageId`; the provider adapter uploads it to the provider
 * (the simulator) when the message is sent. The platform never fetches a URL it is given.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { activeContract, finalMessage, type ActiveContract } from '../support/api-fixtures';
import { png } from '../support/images';
import { startTestPlatform, type TestPlatform } from '../support/platform';

const AD_TEXT = '(광고) 바른상점 봄 신상품 안내. 무료수신거부 080-123-4567';

/** Noon in Seoul today, running on from there: FriendTalk ads are only sent between 08:00 and 20:50 KST. */
const started = Date.now();
const noonKst = Date.parse(`${new Date(started + 9 * 3_600_000).toISOString().slice(0, 10)}T12:00:00+09:00`);
const daytime = () => new Date(noonKst + (Date.now() - started));

let platform: TestPlatform;
let merchant: ActiveContract;
let other: ActiveContract;

beforeAll(async () => {
  platform = await startTestPlatform({ clock: daytime });
  [merchant, other] = await Promise.all([
    activeContract(platform.api),
    activeContract(platform.api, { senderNumbers: ['031-234-5678'] }),
  ]);
});

afterAll(async () => {
  await platform?.close();
});

const upload = (key: string, bytes: Buffer, fileName = 'spring.png') =>
  platform.api.call('POST', '/v1/images', { key, body: { fileName, contentBase64: bytes.toString('base64') } });

const imageCount = async (merchantId: string) =>
  Number((await platform.db('images').where({ merchant_id: merchantId }).count('* as n'))[0].n);

describe('FriendTalk images', () => {
  it('refuses imageUrl with a pointer to the upload, and never requests the URL', async () => {
    const requests: string[] = [];
    const server: Server = createServer((req, res) => {
      requests.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'image/png' }).end(png(800, 400));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const imageUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/spring.png`;
    try {
      const res = await platform.api.call('POST', '/v1/messages', {
        key: merchant.merchant.apiKey,
        body: { type: 'friendtalk_image', to: '010-3456-7001', text: AD_TEXT, imageUrl },
      });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'image_url_not_accepted', details: { field: 'imageUrl' } });
      expect(res.body.error.message).toContain('POST /v1/images');

      const batch = await platform.api.call('POST', '/v1/messages/batch', {
        key: merchant.merchant.apiKey,
        body: { messages: [{ type: 'friendtalk_image', to: '010-3456-7002', text: AD_TEXT, imageUrl }] },
      });
      expect(batch.body.rejected).toEqual([
        { index: 0, error: expect.objectContaining({ code: 'image_url_not_accepted' }) },
      ]);
      // Give a fetch, had there been one, time to arrive.
      await new Promise((r) => setTimeout(r, 500));
      expect(requests).toEqual([]);
    } finally {
      server.close();
    }
  });

  it('checks an 800×400 PNG once at upload; the message sends it through the provider’s own upload', async () => {
    const bytes = png(800, 400);
    const uploaded = await upload(merchant.merchant.apiKey, bytes);
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({
      id: expect.stringMatching(/^img_/),
      format: 'png',
      width: 800,
      height: 400,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });

    const sent = await platform.api.call('POST', '/v1/messages', {
      key: merchant.merchant.apiKey,
      body: { type: 'friendtalk_image', to: '010-3456-7003', text: AD_TEXT, imageId: uploaded.body.id },
    });
    expect(sent.status).toBe(202);
    const final = await finalMessage(platform.api, merchant.merchant.apiKey, sent.body.id);
    expect(final).toMatchObject({ status: 'delivered', deliveredVia: 'friendtalk_image' });

    // The provider got the bytes by upload and the message carries the URL the provider answered.
    const sends = (
      (await (await fetch(`${platform.simulator.url}/_sim/sends?to=01034567003`)).json()) as {
        data: { type: string; imageUrl: string }[];
      }
    ).data;
    expect(sends).toEqual([expect.objectContaining({ type: 'brand_message', imageUrl: expect.any(String) })]);
    expect(sends[0].imageUrl.startsWith(`${platform.simulator.url}/kakao/v1/images/`)).toBe(true);
    const atProvider = Buffer.from(await (await fetch(sends[0].imageUrl)).arrayBuffer());
    expect(atProvider.equals(bytes)).toBe(true);
  });

  it('refuses a 400×200 PNG (too narrow) and stores nothing', async () => {
    const before = await imageCount(merchant.merchant.id);
    const res = await upload(merchant.merchant.apiKey, png(400, 200));
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({
      code: 'image_too_narrow',
      details: { violations: [expect.objectContaining({ field: 'contentBase64', actual: 400, limit: 500 })] },
    });
    const wrongRatio = await upload(merchant.merchant.apiKey, png(1200, 500));
    expect(wrongRatio.body.error.code).toBe('image_aspect_ratio');
    const notAnImage = await upload(merchant.merchant.apiKey, Buffer.from('GIF89a....'));
    expect(notAnImage.body.error.code).toBe('image_format_not_allowed');
    const notBase64 = await platform.api.call('POST', '/v1/images', {
      key: merchant.merchant.apiKey,
      body: { fileName: 'x.png', contentBase64: '***' },
    });
    expect(notBase64.body.error).toMatchObject({ code: 'invalid_base64' });
    expect(await imageCount(merchant.merchant.id)).toBe(before);
  });

  it('answers 404 for another merchant’s image, and for one that does not exist', async () => {
    const mine = await upload(merchant.merchant.apiKey, png(600, 800));
    expect(mine.status).toBe(201);
    for (const imageId of [mine.body.id, 'img_00000000000000000000000000']) {
      const res = await platform.api.call('POST', '/v1/messages', {
        key: other.merchant.apiKey,
        body: { type: 'friendtalk_image', to: '010-3456-7004', text: AD_TEXT, imageId },
      });
      expect(res.status).toBe(404);
      expect(res.body.error).toMatchObject({ code: 'image_not_found', details: { field: 'imageId' } });
    }
  });
});
