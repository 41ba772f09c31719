/**
 * 캠페인 and 예약 발송 in a real browser (issue 15 item 4), against the real platform: an owner picks
 * a CSV file, sees its first rows (and the row that is not a mobile number), starts the campaign and
 * watches its progress reach 3/3; a scheduled campaign is cancelled after a confirmation. A message
 * scheduled over the API an hour ahead is listed on 예약 발송, moved, then cancelled in the page —
 * and the API says cancelled. `UPDATE_SCREENSHOTS=1` writes the screenshots into docs/console/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { toKstIso } from '../../domain/calendar-kst';
import { activeContract, type ActiveContract } from '../support/api-fixtures';
import { addPerson, signedInPage, startConsoleTest, stopConsoleTest, type Person } from '../support/console-session';
import type { TestPlatform } from '../support/platform';

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'bizmsg-campaigns-'));
const SHOTS = process.env.UPDATE_SCREENSHOTS ? path.resolve(__dirname, '..', '..', 'docs', 'console') : TMP;
const OWNER: Person = { email: 'owner@campaign.test', password: 'owner-password-1', role: 'owner', name: '김대표' };
const HOUR = 3_600_000;

let platform: TestPlatform;
let browser: Browser;
let shop: ActiveContract;
let owner: Page;

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name, exact: true }).click();
/** How the page writes a time, in Korean time (2026년 12월 2일 오전 6:54:27), as a pattern. */
function koreanTime(at: number): RegExp {
  const [, y, mo, d, h, mi, se] = toKstIso(at)
    .match(/^(\d+)-(\d+)-(\d+)T(\d+):(\d+):(\d+)/)!
    .map(Number);
  const pad = (n: number) => String(n).padStart(2, '0');
  return new RegExp(`^${y}년 ${mo}월 ${d}일 (${h < 12 ? '오전' : '오후'}) ${h % 12 || 12}:${pad(mi)}:${pad(se)}$`);
}
/** The next confirm() the page asks is answered yes. */
const confirmNext = (page: Page) => page.once('dialog', (d) => void d.accept());

beforeAll(async () => {
  ({ platform, browser } = await startConsoleTest());
  shop = await activeContract(platform.api);
  // The merchant's owner, invited by the operator, sets a password and signs in.
  await addPerson(platform.api, OWNER, shop.merchant.id);
  owner = await signedInPage({ platform, browser }, OWNER);
}, 180_000);

afterAll(() => stopConsoleTest({ platform, browser }));

describe('캠페인 and 예약 발송', () => {
  test('a CSV upload with its preview, a campaign started and followed to 3/3; a scheduled one cancelled', async () => {
    // Three mobile numbers (…1234 deliver in the simulator), a quoted name with a comma, and a landline.
    const csv = path.join(TMP, '고객.csv');
    fs.writeFileSync(
      csv,
      '\uFEFFto,이름\r\n010-1111-1234,"김, 민수"\r\n01022221234,이영희\r\n02-1234-5678,사무실\r\n010 3333 1234,"박""철수"""\r\n',
    );
    await nav(owner, '캠페인');
    await owner.getByText('아직 캠페인이 없습니다').waitFor();
    await owner.getByLabel('캠페인 이름').fill('12월 배송 안내');
    await owner.getByLabel('내용').fill('[예시상점] 주문하신 상품이 오늘 발송됩니다.');
    await owner.getByLabel('받는 사람 CSV 파일').setInputFiles(csv);

    const preview = owner.getByRole('region', { name: '받는 사람 미리 보기' });
    await preview.getByText('받는 사람 4건').waitFor();
    expect(await preview.locator('tbody tr').allInnerTexts()).toEqual([
      expect.stringMatching(/^2\s+010-1111-1234\s+김, 민수$/),
      expect.stringMatching(/^3\s+010-2222-1234\s+이영희$/),
      expect.stringMatching(/^4\s+02-1234-5678 \(잘못된 번호\)\s+사무실$/),
      expect.stringMatching(/^5\s+010-3333-1234\s+박"철수"$/),
    ]);
    await preview.getByText('휴대전화 번호가 아닌 줄이 1건 있습니다').waitFor();
    await preview.getByText('4번째 줄: 02-1234-5678').waitFor();
    await shot(owner, 'merchant-campaign-new');

    await owner.getByRole('button', { name: '캠페인 시작' }).click();
    await owner.getByRole('heading', { name: '캠페인 상세' }).waitFor();
    const bar = owner.getByRole('progressbar', { name: '12월 배송 안내 진행률' });
    await owner.getByText('3 / 3건 (100.0%)').waitFor({ timeout: 60_000 });
    expect(await bar.getAttribute('value')).toBe('3');
    expect(await bar.getAttribute('max')).toBe('3');
    await owner.locator('.dl .badge', { hasText: '완료' }).waitFor({ timeout: 30_000 });
    expect(await owner.getByRole('button', { name: '캠페인 취소' }).count()).toBe(0);
    await shot(owner, 'merchant-campaign');

    // A campaign for tomorrow can be paused, resumed and cancelled (after a confirmation).
    const later = await platform.api.call('POST', '/v1/campaigns', {
      key: shop.merchant.apiKey,
      body: {
        name: '내일 공지',
        message: { type: 'sms', text: '[예시상점] 내일 공지' },
        recipients: [{ to: '010-5555-1234' }],
        scheduledAt: toKstIso(Date.now() + 24 * HOUR),
      },
    });
    expect(later.status).toBe(202);
    await nav(owner, '캠페인');
    await owner.getByRole('link', { name: '12월 배송 안내' }).waitFor();
    await owner.getByRole('link', { name: '내일 공지' }).click();
    await owner.locator('.dl .badge', { hasText: '예약' }).waitFor();
    await owner.getByRole('button', { name: '일시정지' }).click();
    await owner.locator('.dl .badge', { hasText: '일시정지' }).waitFor();
    await owner.getByRole('button', { name: '재개' }).click();
    await owner.locator('.dl .badge', { hasText: '예약' }).waitFor();
    confirmNext(owner);
    await owner.getByRole('button', { name: '캠페인 취소' }).click();
    await owner.locator('.dl .badge', { hasText: '취소' }).waitFor();
    const cancelled = await platform.api.call('GET', `/v1/campaigns/${later.body.id}`, { key: shop.merchant.apiKey });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelled: 1 });
  }, 180_000);

  test('a message scheduled an hour ahead is listed, moved and cancelled on 예약 발송', async () => {
    const inAnHour = Date.now() + HOUR;
    const sent = await platform.api.call('POST', '/v1/messages', {
      key: shop.merchant.apiKey,
      body: { type: 'sms', to: '010-4444-1234', text: '[예시상점] 예약 안내', scheduledAt: toKstIso(inAnHour) },
    });
    expect(sent.status).toBe(202);
    const id: string = sent.body.id;

    await nav(owner, '예약 발송');
    const row = owner.getByRole('row', { name: /010-\*\*\*\*-1234/ });
    await row.waitFor();
    await row.getByRole('link', { name: koreanTime(inAnHour) }).waitFor();
    await shot(owner, 'merchant-scheduled');

    // 시간 변경: two hours ahead, in Korean time.
    await row.getByRole('button', { name: '시간 변경' }).click();
    const twoHours = toKstIso(inAnHour + HOUR).slice(0, 16);
    await owner.getByLabel('새 예약 시각 (한국 시간)').fill(twoHours);
    await owner.getByRole('button', { name: '변경 저장' }).click();
    await owner.getByText('(으)로 옮겼습니다').waitFor();
    const moved = await platform.api.call('GET', `/v1/messages/${id}`, { key: shop.merchant.apiKey });
    expect(new Date(moved.body.scheduledAt).getTime()).toBe(new Date(`${twoHours}:00+09:00`).getTime());

    confirmNext(owner);
    await owner
      .getByRole('row', { name: /010-\*\*\*\*-1234/ })
      .getByRole('button', { name: '취소' })
      .click();
    await owner.getByText('예약 메시지를 취소했습니다').waitFor();
    await owner.getByText('예약된 메시지가 없습니다.').waitFor();
    const after = await platform.api.call('GET', `/v1/messages/${id}`, { key: shop.merchant.apiKey });
    expect(after.body.status).toBe('cancelled');
  }, 120_000);
});
