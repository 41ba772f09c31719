/**
 * The consoles in a real browser (SPEC §6, issue 14 item 5), against the real platform: an operator
 * creates a merchant → its owner accepts the invitation → applies with a proof document → the operator
 * approves with fees and verifies the sender number looking at its document → the owner creates a
 * template, sends a test message to …9001 and sees it delivered via SMS with its timeline → a viewer
 * cannot send. Then billing: the month's invoice with its tax-invoice PDF (the session cookie is
 * enough for the GET), a payment, a dispute after full payment won and refunded, and an operator
 * loading a year's holidays. The owner's integration: an API key issued (shown once) and revoked
 * (401 from then on), the webhook URL set, the webhook secret rotated. Plus the accounts rules over
 * HTTP: lockout, CSRF, audit.
 * `UPDATE_SCREENSHOTS=1` writes the screenshots of the README into docs/console/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { kstDate } from '../../domain/calendar-kst';
import { previousPeriod } from '../../domain/invoice';
import { launchBrowser } from '../support/browser';
import { buildConsole } from '../support/console-build';
import { createMerchant } from '../support/api-fixtures';
import { eventually, startTestPlatform, type TestPlatform } from '../support/platform';

const SHOTS = process.env.UPDATE_SCREENSHOTS
  ? path.resolve(__dirname, '..', '..', 'docs', 'console')
  : fs.mkdtempSync(path.join(os.tmpdir(), 'bizmsg-console-'));

const OPERATOR = { email: 'ops@bizmsg.test', password: 'operator-password-1' };
const OWNER = { email: 'owner@shop.test', password: 'owner-password-1' };
const VIEWER = { email: 'viewer@shop.test', password: 'viewer-password-1' };

let platform: TestPlatform;
let browser: Browser;
const contexts: BrowserContext[] = [];
/** The operator's and the owner's pages, signed in by the first test and used by the next. */
let ops: Page;
let owner: Page;

/** What `npm run create-operator` does: an invitation with the operator key, accepted with the password. */
async function createOperator(email: string, password: string) {
  const invited = await platform.api.call('POST', '/v1/invitations', { body: { email, role: 'operator' } });
  expect(invited.status).toBe(201);
  const token = invited.body.path.split('#')[1];
  const accepted = await platform.api.call('POST', '/v1/invitations/accept', {
    key: null,
    body: { token, name: '운영자', password },
  });
  expect(accepted.status).toBe(201);
}

async function newPage(): Promise<Page> {
  const context = await browser.newContext({
    locale: 'ko-KR',
    timezoneId: 'Asia/Seoul',
    viewport: { width: 1280, height: 900 },
  });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
const heading = (page: Page, name: string) => page.getByRole('heading', { name, exact: true }).first().waitFor();

/** A proof document that looks like one: rendered by the browser itself, as a PNG. */
async function proofDocumentPng(): Promise<Buffer> {
  const page = await newPage();
  await page.setViewportSize({ width: 600, height: 420 });
  await page.setContent(`<body style="font-family:sans-serif;padding:24px;border:6px double #333;margin:0;height:100vh;box-sizing:border-box">
    <h1 style="text-align:center;margin:0 0 16px">통신서비스 이용증명원</h1>
    <p>가입자: 주식회사 예시상점 (124-81-00998)</p><p>전화번호: 02-1234-5678</p><p>서비스: 일반전화 · 가입일 2021년 3월 2일</p>
    <p style="margin-top:40px;text-align:right">주식회사 예시통신 (인)</p></body>`);
  const png = await page.screenshot();
  await page.close();
  return png;
}

async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto(`${platform.api.url}/console/signin`);
  await page.getByLabel('이메일').fill(who.email);
  await page.getByLabel('비밀번호').fill(who.password);
  await page.getByRole('button', { name: '로그인' }).click();
}

async function acceptInvitation(page: Page, link: string, name: string, password: string) {
  await page.goto(link);
  await page.getByLabel('이름').fill(name);
  await page.getByLabel('비밀번호', { exact: true }).fill(password);
  await page.getByLabel('비밀번호 확인').fill(password);
  await page.getByRole('button', { name: '계정 만들고 시작하기' }).click();
  await heading(page, '대시보드');
}

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name, exact: true }).click();

beforeAll(async () => {
  buildConsole();
  [platform, browser] = await Promise.all([startTestPlatform(), launchBrowser()]);
  await createOperator(OPERATOR.email, OPERATOR.password);
}, 180_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await platform?.close();
});

describe('the consoles in a browser', () => {
  test('operator → owner → approval → template → test message via SMS fallback → a viewer cannot send', async () => {
    const proof = await proofDocumentPng();

    // The operator signs in and creates the merchant; its owner's invitation link is shown once.
    ops = await newPage();
    await ops.goto(`${platform.api.url}/console/`);
    await ops.getByRole('heading', { name: 'bizmsg 로그인' }).waitFor();
    await shot(ops, 'sign-in');
    await signIn(ops, OPERATOR);
    await heading(ops, '계약 심사');
    await nav(ops, '가맹점·계약');
    await ops.getByLabel('사업자등록번호').fill('124-81-00998');
    await ops.getByLabel('상호').fill('주식회사 예시상점');
    await ops.getByLabel('대표자').fill('홍길동');
    await ops.getByLabel('주소').fill('서울특별시 중구 세종대로 110');
    await ops.getByLabel('대표 관리자 이메일').fill(OWNER.email);
    await ops.getByRole('button', { name: '가맹점 만들기' }).click();
    const link = await ops.getByLabel('초대 링크').inputValue();
    expect(link).toMatch(/\/console\/invitation#.{20,}$/);
    await shot(ops, 'ops-merchant-created');

    // The owner sets a password and applies, with a proof document for the sender number.
    owner = await newPage();
    await acceptInvitation(owner, link, '홍길동', OWNER.password);
    await nav(owner, '계약');
    await owner.getByRole('link', { name: '이용 신청하기' }).click();
    await heading(owner, '이용 신청');
    await owner.getByRole('button', { name: '이용 신청', exact: true }).click();
    await owner.getByText('서비스를 하나 이상 선택하세요').first().waitFor();
    await owner.getByRole('checkbox', { name: /^SMS/ }).check();
    await owner.getByRole('checkbox', { name: /^알림톡/ }).check();
    await owner.getByRole('checkbox', { name: /^대체발송 SMS/ }).check();
    await owner.getByLabel('카카오톡 검색용 아이디').fill('예시상점');
    await owner.getByLabel('발신번호 1').fill('02-1234-5678');
    await owner
      .getByLabel('증빙서류 1')
      .setInputFiles({ name: '이용증명원.png', mimeType: 'image/png', buffer: proof });
    await shot(owner, 'merchant-apply');
    await owner.getByRole('button', { name: '이용 신청', exact: true }).click();
    await owner.getByText('신청했습니다').waitFor();
    await owner.getByText('심사 대기').first().waitFor();

    // The operator approves with the fee schedule and verifies the number looking at its document.
    await nav(ops, '계약 심사');
    await ops.getByRole('heading', { name: /주식회사 예시상점/ }).waitFor();
    await shot(ops, 'ops-review-queue');
    await ops.getByRole('button', { name: '이 단가로 승인' }).click();
    await ops.getByText('승인했습니다').waitFor();
    await nav(ops, '발신번호 확인');
    await ops.getByRole('img', { name: /02-1234-5678의 증빙서류/ }).waitFor();
    // A function, not a string: the console's CSP forbids eval, which a string predicate needs.
    await ops.waitForFunction(() => {
      const img = (globalThis as any).document.querySelector('.proof img');
      return !!img && img.complete && img.naturalWidth > 0;
    });
    await shot(ops, 'ops-sender-number-verification');
    await ops.getByRole('button', { name: '서류 확인 — 인증' }).click();
    await ops.getByText('인증했습니다').waitFor();

    await owner.reload();
    await owner.getByText('이용 중').first().waitFor();
    await shot(owner, 'merchant-contract');
    await nav(owner, '발신번호');
    await owner.getByText('인증됨').waitFor();

    // A template with a button; Kakao (the simulator) approves it.
    await nav(owner, '알림톡 템플릿');
    await owner.getByLabel('템플릿 코드').fill('ORDER_SHIPPED');
    await owner.getByLabel('내용').fill('#{고객명}님, 주문하신 상품이 발송되었습니다.');
    await owner.getByRole('button', { name: '버튼 추가' }).click();
    await owner.getByLabel('버튼 1 이름').fill('배송 조회');
    await owner.getByLabel('버튼 1 주소').fill('https://shop.example/track');
    await owner.getByRole('button', { name: '검수 요청' }).click();
    await owner.getByText('검수 요청했습니다').waitFor();
    for (let i = 0; i < 30 && !(await owner.getByRole('cell', { name: '승인' }).isVisible()); i++) {
      await owner.waitForTimeout(500);
      await nav(owner, '대시보드');
      await nav(owner, '알림톡 템플릿');
      await owner.getByRole('cell', { name: 'ORDER_SHIPPED' }).waitFor();
    }
    await owner.getByRole('cell', { name: '승인' }).waitFor();
    await shot(owner, 'merchant-templates');

    // A test AlimTalk to …9001: Kakao fails (not a KakaoTalk user), the SMS fallback delivers.
    await nav(owner, '테스트 발송');
    await owner.getByRole('radio', { name: '알림톡' }).check();
    await owner.getByLabel('받는 번호').fill('010-0000-9001');
    await owner.getByLabel('템플릿').selectOption('ORDER_SHIPPED');
    await owner.getByLabel('변수 #{고객명}').fill('김민수');
    await shot(owner, 'merchant-send-test');
    await owner.getByRole('button', { name: '보내기' }).click();
    await heading(owner, '메시지 상세');
    await owner.getByText('SMS (대체발송)').waitFor({ timeout: 30_000 });
    await owner.locator('.dl').getByText('전달됨').waitFor();
    expect(await owner.getByText('010-****-9001').count()).toBeGreaterThan(0);
    const timeline = await owner.locator('.timeline li').allInnerTexts();
    expect(timeline.some((t) => t.includes('알림톡') && t.includes('실패'))).toBe(true);
    expect(timeline.some((t) => t.includes('SMS') && t.includes('전달'))).toBe(true);
    await shot(owner, 'merchant-message-detail');

    await nav(owner, '발송 내역');
    await owner.getByLabel('받는 번호').fill('01000009001');
    await owner.getByRole('button', { name: '검색' }).click();
    await owner.getByRole('cell', { name: '010-****-9001' }).waitFor();
    await shot(owner, 'merchant-messages');
    await nav(owner, '대시보드');
    await owner.locator('.tile .big').first().waitFor();
    expect(await owner.locator('.tile .big').first().innerText()).toBe('1건');
    await shot(owner, 'merchant-dashboard');

    // The owner invites a viewer, who can look but not send — the page says so and the API refuses.
    await nav(owner, '구성원');
    await owner.getByLabel('이메일').fill(VIEWER.email);
    await owner.getByLabel('역할').selectOption('viewer');
    await owner.getByRole('button', { name: '초대 링크 만들기' }).click();
    const viewerLink = await owner.getByLabel('초대 링크').inputValue();
    await shot(owner, 'merchant-team');
    const viewer = await newPage();
    await acceptInvitation(viewer, viewerLink, '이조회', VIEWER.password);
    await nav(viewer, '테스트 발송');
    await viewer.getByText('조회 전용 계정은 메시지를 보낼 수 없습니다').waitFor();
    expect(await viewer.getByRole('button', { name: '보내기' }).isDisabled()).toBe(true);
    const refused: { status: number; body: any } = await viewer.evaluate(async () => {
      const me: any = await (await fetch('/v1/me')).json();
      const res = await fetch('/v1/messages', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ type: 'sms', to: '010-0000-1234', text: '보내지면 안 됨' }),
      });
      return { status: res.status, body: await res.json() };
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('role_forbidden');
    await shot(viewer, 'viewer-send-refused');
  }, 240_000);

  test('billing: the invoice and its PDF, a payment, a dispute after full payment refunded; a holiday year loaded', async () => {
    // A month is billed once it is over: the test message's usage moves to last month, as if delivered then.
    const period = previousPeriod(kstDate(new Date()));
    await platform.db('usage_records').update({ delivered_at: `${period}-15T12:00:00+09:00`, period });

    await nav(ops, '청구·납부');
    expect(await ops.getByLabel('청구 월 (YYYY-MM)').inputValue()).toBe(period);
    await ops.getByRole('button', { name: '이 달 청구 실행' }).click();
    await ops.getByText('청구를 시작했습니다').waitFor();
    const invoice = await eventually(
      async () => (await platform.api.call('GET', `/v1/invoices?period=${period}`)).body.data[0],
      30_000,
      'the invoice',
    );

    // The owner sees it, and its PDF link works with the session cookie alone.
    await nav(owner, '청구서');
    await owner.getByRole('link', { name: period, exact: true }).waitFor();
    await shot(owner, 'merchant-invoices');
    const href = await owner.getByRole('link', { name: /^PDF/ }).getAttribute('href');
    expect(href).toBe(`/v1/invoices/${invoice.id}/document`);
    const pdf = await owner.request.get(`${platform.api.url}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toMatch(/^application\/pdf/);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await owner.getByRole('link', { name: period, exact: true }).click();
    await owner.getByRole('link', { name: /세금계산서 PDF/ }).waitFor();

    // The operator records the whole amount: paid in full.
    await ops.getByRole('button', { name: '목록 새로 고침' }).click();
    await ops.getByRole('link', { name: period, exact: true }).click();
    await ops.getByLabel('입금액 (원)').fill(String(invoice.total));
    await ops.getByRole('button', { name: '입금 기록' }).click();
    await ops.getByText('납부 완료').first().waitFor();

    // Paid, it can still be disputed until next month's invoice; won, what was paid is refunded.
    await owner.reload();
    await owner.getByLabel('이의 금액 (원)').fill(String(invoice.total));
    await owner.getByLabel('사유').fill('테스트 발송이라 청구 대상이 아닙니다.');
    await shot(owner, 'merchant-invoice-dispute-after-payment');
    await owner.getByRole('button', { name: '이의 제기' }).click();
    await owner.getByText('검토 중').waitFor();
    await ops.reload();
    await ops.getByLabel('인정 금액 (원, 가맹점이 내야 할 몫)').fill('0');
    await ops.getByRole('button', { name: '이의 해결' }).click();
    await ops.getByText(`${invoice.total}원 환불`).waitFor();
    const ledger = await ops.getByLabel('납부 현황').innerText();
    expect(ledger).toContain(`환불 ${invoice.total}원`);
    await shot(ops, 'ops-invoice-refund');
    const refunded = (await platform.api.call('GET', `/v1/invoices/${invoice.id}`)).body;
    expect(refunded).toMatchObject({ paidAmount: invoice.total, refundedAmount: invoice.total, outstandingAmount: 0 });
    expect(refunded.payments).toHaveLength(1);

    // A year past the bundled dataset: not covered until an operator loads its list.
    const year = Number(kstDate(new Date()).slice(0, 4)) + 3;
    await nav(ops, '공휴일');
    const coverage = ops.getByRole('region', { name: '공휴일 자료가 있는 해' });
    await coverage
      .getByRole('listitem')
      .filter({ hasText: `${year}년` })
      .getByText('자료 없음')
      .waitFor();
    await ops.getByLabel('연도').fill(String(year));
    await ops.getByText(`${year}년 공휴일 자료가 없습니다`).waitFor();
    await ops.getByLabel(/공휴일 목록/).fill(`${year}-01-01 신정\n${year}-03-01 삼일절\n${year}-02-30 없는 날`);
    await ops.getByRole('button', { name: `${year}년 공휴일 불러오기` }).click();
    await ops.getByText('3번째 줄').waitFor();
    await ops.getByLabel(/공휴일 목록/).fill(`${year}-01-01 신정\n${year}-03-01 삼일절`);
    await ops.getByRole('button', { name: `${year}년 공휴일 불러오기` }).click();
    await ops.getByText(`${year}년 공휴일을 불러왔습니다: 2일`).waitFor();
    await coverage
      .getByRole('listitem')
      .filter({ hasText: `${year}년` })
      .getByText('자료 있음')
      .waitFor();
    await ops.getByRole('cell', { name: '삼일절' }).waitFor();
    await shot(ops, 'ops-holidays');
  }, 120_000);

  test('the owner issues an API key (shown once) and revokes it, sets the webhook URL, rotates the secret', async () => {
    const keyWorks = async (key: string) => (await platform.api.call('GET', '/v1/api-keys', { key })).status;
    await nav(owner, '웹훅·API 키');
    await heading(owner, '웹훅·API 키');

    // The webhook URL changes at once and stays after a reload.
    const webhookUrl = 'https://shop.example/bizmsg/webhook';
    await owner.getByLabel('웹훅 주소', { exact: true }).fill(webhookUrl);
    await owner.getByRole('button', { name: '주소 저장' }).click();
    await owner.getByText('웹훅 주소를 저장했습니다').waitFor();
    await owner.reload();
    await owner.locator('.dl').getByText(webhookUrl).waitFor();
    expect(await owner.getByLabel('웹훅 주소', { exact: true }).inputValue()).toBe(webhookUrl);

    // A new key: shown once in clear, listed by its name and prefix, and it works.
    await owner.getByLabel('키 이름').fill('주문 서버');
    await owner.getByRole('button', { name: '키 발급' }).click();
    const key = await owner.getByLabel('새 API 키').inputValue();
    expect(key).toMatch(/^bmk_/);
    const row = owner.getByRole('row').filter({ hasText: '주문 서버' });
    await row.getByText('사용 중').waitFor();
    const prefix = (await row.locator('code').innerText()).replace(/…$/, '');
    expect(key.startsWith(prefix)).toBe(true);
    expect(await keyWorks(key)).toBe(200);

    // Revoked after the confirmation: the list says so and the key answers 401.
    owner.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: '폐기' }).click();
    await row.getByText('폐기됨').waitFor();
    expect(await keyWorks(key)).toBe(401);

    // A new webhook secret, shown once, with the time the old one stops signing.
    owner.once('dialog', (dialog) => void dialog.accept());
    await owner.getByRole('button', { name: '새 서명 키 만들기' }).click();
    const secret = await owner.getByLabel('새 웹훅 서명 키').inputValue();
    expect(secret).toMatch(/^whsec_/);
    await owner.getByText(/이전 키는 .+에 서명을 멈춥니다/).waitFor();
    await shot(owner, 'merchant-developers');

    // Neither the key nor the secret is shown again.
    await owner.reload();
    await owner.getByRole('row').filter({ hasText: '주문 서버' }).getByText('폐기됨').waitFor();
    expect(await owner.getByLabel('새 API 키').count()).toBe(0);
    expect(await owner.getByLabel('새 웹훅 서명 키').count()).toBe(0);
  }, 60_000);
});

describe('accounts over HTTP', () => {
  const cookieOf = (headers: Headers) => headers.get('set-cookie')!.split(';')[0];

  test('sign-in sets an httpOnly SameSite=Lax cookie; changes need the CSRF token', async () => {
    const signedIn = await platform.api.call('POST', '/v1/session', { key: null, body: OPERATOR });
    expect(signedIn.status).toBe(200);
    const setCookie = signedIn.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = cookieOf(signedIn.headers);
    const me = await platform.api.call('GET', '/v1/me', { key: null, headers: { cookie } });
    expect(me.body).toMatchObject({ role: 'operator', user: { email: OPERATOR.email } });

    const holiday = { date: '2031-05-02', name: '임시공휴일' };
    const without = await platform.api.call('POST', '/v1/holidays', { key: null, headers: { cookie }, body: holiday });
    expect(without.status).toBe(403);
    expect(without.body.error.code).toBe('csrf_token_invalid');
    const withToken = await platform.api.call('POST', '/v1/holidays', {
      key: null,
      headers: { cookie, 'x-csrf-token': signedIn.body.csrfToken },
      body: holiday,
    });
    expect(withToken.status).toBe(201);

    const out = await platform.api.call('DELETE', '/v1/session', {
      key: null,
      headers: { cookie, 'x-csrf-token': signedIn.body.csrfToken },
    });
    expect(out.status).toBe(204);
    expect((await platform.api.call('GET', '/v1/me', { key: null, headers: { cookie } })).status).toBe(401);
  });

  test('five wrong passwords lock the account; every attempt is in the audit log', async () => {
    const email = 'locked@bizmsg.test';
    await createOperator(email, 'the-right-password');
    for (let i = 0; i < 5; i++) {
      const wrong = await platform.api.call('POST', '/v1/session', {
        key: null,
        body: { email, password: `wrong-${i}-pass` },
      });
      expect(wrong.status).toBe(401);
      expect(wrong.body.error.code).toBe('invalid_credentials');
    }
    const locked = await platform.api.call('POST', '/v1/session', {
      key: null,
      body: { email, password: 'the-right-password' },
    });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('account_locked');
    const unknown = await platform.api.call('POST', '/v1/session', {
      key: null,
      body: { email: 'nobody@x.test', password: 'whatever-1' },
    });
    expect(unknown.status).toBe(401);

    const audit = await platform.api.call('GET', '/v1/audit-log?action=session.sign_in_failed&limit=100');
    const reasons = audit.body.data.map((e: any) => e.details.reason);
    expect(reasons.filter((r: string) => r.startsWith('wrong_password'))).toHaveLength(5);
    expect(reasons).toContain('locked');
    expect(reasons).toContain('unknown_email');
    const signIns = await platform.api.call('GET', '/v1/audit-log?action=session.signed_in&limit=100');
    expect(signIns.body.data.length).toBeGreaterThan(0);
  });

  test('a developer sets the webhook URL; business information notices and API keys are the owner’s (403)', async () => {
    const merchant = await createMerchant(platform.api);
    const password = 'developer-password-1';
    const invited = await platform.api.call('POST', '/v1/invitations', {
      body: { email: 'dev@shop.test', role: 'developer', merchantId: merchant.id },
    });
    const token = invited.body.path.split('#')[1];
    const accepted = await platform.api.call('POST', '/v1/invitations/accept', {
      key: null,
      body: { token, name: '개발자', password },
    });
    expect(accepted.status).toBe(201);
    const signedIn = await platform.api.call('POST', '/v1/session', {
      key: null,
      body: { email: 'dev@shop.test', password },
    });
    const headers = { cookie: cookieOf(signedIn.headers), 'x-csrf-token': signedIn.body.csrfToken };
    const change = (body: Record<string, unknown>) =>
      platform.api.call('PATCH', `/v1/merchants/${merchant.id}`, { key: null, headers, body });

    const hook = await change({ webhookUrl: 'https://hooks.shop.test/bizmsg' });
    expect(hook.status).toBe(200);
    expect(hook.body.webhookUrl).toBe('https://hooks.shop.test/bizmsg');
    const renamed = await change({ name: '새상점' });
    expect(renamed.status).toBe(403);
    expect(renamed.body.error).toMatchObject({ code: 'role_forbidden', details: { role: 'developer' } });
    const key = await platform.api.call('POST', '/v1/api-keys', { key: null, headers, body: { name: '개발 서버' } });
    expect(key.status).toBe(403);
    expect(key.body.error.code).toBe('role_forbidden');
    expect((await platform.api.call('GET', `/v1/merchants/${merchant.id}`)).body).toMatchObject({
      name: merchant.name,
      pendingChange: null,
    });
  });

  test('an invitation works once; a weak password is refused at its field', async () => {
    const invited = await platform.api.call('POST', '/v1/invitations', {
      body: { email: 'once@bizmsg.test', role: 'operator' },
    });
    const token = invited.body.path.split('#')[1];
    const weak = await platform.api.call('POST', '/v1/invitations/accept', {
      key: null,
      body: { token, name: 'A', password: 'short' },
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error).toMatchObject({ code: 'password_too_short', details: { field: 'password' } });
    const body = { token, name: 'A', password: 'long-enough-password' };
    expect((await platform.api.call('POST', '/v1/invitations/accept', { key: null, body })).status).toBe(201);
    const again = await platform.api.call('POST', '/v1/invitations/accept', { key: null, body });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('invitation_used');
  });
});
