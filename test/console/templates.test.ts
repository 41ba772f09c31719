/**
 * 알림톡 템플릿 in a real browser (issue 14: templates with buttons, review status and rejection
 * reason): an owner creates a template (the simulator approves it at once), edits it — the new
 * version is under review while the approved one keeps sending, then approved — and deletes
 * another after a confirmation (GET answers 404 from then on). A rejected review shows its reason;
 * a viewer sees no 수정/삭제 and no form.
 * `UPDATE_SCREENSHOTS=1` writes the screenshot into docs/console/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { activeContract, approvedTemplate, type TestMerchant } from '../support/api-fixtures';
import { addPerson, signedInPage, startConsoleTest, stopConsoleTest, type Person } from '../support/console-session';
import { eventually, type TestPlatform } from '../support/platform';

const SHOTS = process.env.UPDATE_SCREENSHOTS
  ? path.resolve(__dirname, '..', '..', 'docs', 'console')
  : fs.mkdtempSync(path.join(os.tmpdir(), 'bizmsg-console-templates-'));

const OWNER: Person = { email: 'owner@templates.test', password: 'owner-password-1', role: 'owner' };
const VIEWER: Person = { email: 'viewer@templates.test', password: 'viewer-password-1', role: 'viewer' };

let platform: TestPlatform;
let browser: Browser;
let merchant: TestMerchant;

/** A browser signed in as `who`, on the templates page. */
async function templatesPage(who: Person): Promise<Page> {
  const page = await signedInPage({ platform, browser }, who);
  await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '알림톡 템플릿' }).click();
  await page.getByRole('heading', { name: '알림톡 템플릿', exact: true }).waitFor();
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
/** Fills a form's fields, by label. */
async function fill(form: Locator, values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) await form.getByLabel(label).fill(value);
}

const rowOf = (page: Page, code: string) =>
  page.getByRole('row').filter({ has: page.getByText(code, { exact: true }) });
const getTemplate = (code: string) => platform.api.call('GET', `/v1/templates/${code}`, { key: merchant.apiKey });

beforeAll(async () => {
  ({ platform, browser } = await startConsoleTest());
  ({ merchant } = await activeContract(platform.api));
  await addPerson(platform.api, OWNER, merchant.id);
  await addPerson(platform.api, VIEWER, merchant.id);
}, 180_000);

afterAll(() => stopConsoleTest({ platform, browser }));

describe('알림톡 템플릿: edit and delete', () => {
  test('an edit is reviewed while the approved version keeps sending; a deleted template is gone', async () => {
    const owner = await templatesPage(OWNER);

    // A new template, with a web-link button: the simulator approves it at once (the page looks again).
    const create = owner.getByRole('form', { name: '새 템플릿' });
    await create.getByRole('button', { name: '버튼 추가' }).click();
    await fill(create, {
      '템플릿 코드': 'ORDER',
      내용: '#{name}님, 주문 #{order}이 접수되었습니다.',
      '버튼 1 이름': '주문 조회',
      '버튼 1 주소': 'https://shop.test/orders',
    });
    await create.getByRole('button', { name: '검수 요청' }).click();
    await owner.getByText('템플릿 ORDER을(를) 검수 요청했습니다.').waitFor();
    await rowOf(owner, 'ORDER').getByText('승인', { exact: true }).waitFor();
    await rowOf(owner, 'ORDER').getByText('버전 1 (최신)').waitFor();

    // A second template to delete, and one whose review Kakao rejected. The simulator approves every
    // template, so the rejection is written as the review would record it.
    await approvedTemplate(platform.api, merchant.apiKey, 'BYE', '#{name}님, 이용해 주셔서 감사합니다.');
    await approvedTemplate(platform.api, merchant.apiKey, 'PROMO', '#{name}님께만 드리는 특가!');
    await platform.db('templates').where({ merchant_id: merchant.id, code: 'PROMO' }).update({
      status: 'rejected',
      rejection_reason: '광고성 내용은 알림톡으로 보낼 수 없습니다',
      approved_version: null,
      approved_text: null,
      approved_buttons: null,
    });
    await owner.reload();
    const promo = rowOf(owner, 'PROMO');
    await promo.getByText('반려', { exact: true }).waitFor();
    await promo.getByText('반려 사유: 광고성 내용은 알림톡으로 보낼 수 없습니다').waitFor();
    await promo.getByText('없음 — 승인되어야 보낼 수 있습니다').waitFor();

    // 수정 opens the form prefilled. Kakao's review waits while the workers are stopped, so the page
    // shows the state in between: version 2 under review, version 1 still sending.
    await rowOf(owner, 'ORDER').getByRole('button', { name: '수정' }).click();
    const editForm = owner.getByRole('form', { name: '템플릿 ORDER 수정' });
    expect(await editForm.getByLabel('내용').inputValue()).toBe('#{name}님, 주문 #{order}이 접수되었습니다.');
    expect(await editForm.getByLabel('버튼 1 이름').inputValue()).toBe('주문 조회');
    expect(await editForm.getByLabel('버튼 1 주소').inputValue()).toBe('https://shop.test/orders');
    expect(await owner.getByRole('form', { name: '새 템플릿' }).count()).toBe(0);
    await platform.stopWorkers();
    const newText = '#{name}님, 주문 #{order}이 접수되었습니다. 오늘 출고됩니다.';
    await fill(editForm, { 내용: newText, '버튼 1 이름': '배송 조회' });
    await editForm.getByRole('button', { name: '수정본 검수 요청' }).click();
    await owner
      .getByText('템플릿 ORDER의 버전 2을(를) 검수 요청했습니다. 승인될 때까지 승인된 버전 1이(가) 계속 발송됩니다.')
      .waitFor();
    const order = rowOf(owner, 'ORDER');
    await order.getByText('검수 중', { exact: true }).waitFor();
    await order.getByText('버전 2', { exact: true }).waitFor();
    await order.getByText(newText, { exact: true }).waitFor();
    await order.getByText('버전 1', { exact: true }).waitFor();
    await order.getByText('#{name}님, 주문 #{order}이 접수되었습니다.', { exact: true }).waitFor();
    await order.getByText('버튼: 주문 조회').waitFor();
    expect(await owner.getByRole('form', { name: '템플릿 ORDER 수정' }).count()).toBe(0);
    expect((await getTemplate('ORDER')).body).toMatchObject({
      version: 2,
      status: 'requested',
      approved: { version: 1 },
    });
    await shot(owner, 'merchant-templates-edit');

    // Once the workers are back the edit is approved: the page looks again until it is.
    await platform.startWorkers();
    await order.getByText('승인', { exact: true }).waitFor({ timeout: 30_000 });
    await order.getByText('버전 2 (최신)').waitFor();
    expect((await getTemplate('ORDER')).body).toMatchObject({
      version: 2,
      status: 'approved',
      text: newText,
      approved: { version: 2, text: newText, buttons: [{ type: 'WL', name: '배송 조회' }] },
    });

    // 삭제 asks first, saying accepted messages still go out; then the template is gone.
    let question = '';
    owner.once('dialog', (dialog) => {
      question = dialog.message();
      void dialog.accept();
    });
    await rowOf(owner, 'BYE').getByRole('button', { name: '삭제' }).click();
    await owner.getByText('템플릿 BYE을(를) 삭제했습니다. 이미 접수된 메시지는 그대로 발송됩니다.').waitFor();
    expect(question).toContain('이미 접수된 메시지는 그대로 발송됩니다');
    await eventually(async () => ((await rowOf(owner, 'BYE').count()) === 0 ? true : undefined), 10_000, 'BYE gone');
    expect((await getTemplate('BYE')).status).toBe(404);
    expect(await rowOf(owner, 'ORDER').count()).toBe(1);

    // A dismissed confirmation deletes nothing.
    owner.once('dialog', (dialog) => void dialog.dismiss());
    await rowOf(owner, 'PROMO').getByRole('button', { name: '삭제' }).click();
    expect((await getTemplate('PROMO')).status).toBe(200);
  });

  test('a viewer sees the templates without 수정, 삭제 or a form', async () => {
    const viewer = await templatesPage(VIEWER);
    await rowOf(viewer, 'ORDER').getByText('승인', { exact: true }).waitFor();
    expect(await viewer.getByRole('button', { name: '수정' }).count()).toBe(0);
    expect(await viewer.getByRole('button', { name: '삭제' }).count()).toBe(0);
    expect(await viewer.getByRole('form').count()).toBe(0);
  });
});
