/**
 * What the console tests share: the platform and a browser for a test file, a person of a merchant
 * (invited with the operator key, the invitation accepted with a password), and a browser page
 * signed in as that person, in Korean and in Korean time.
 */
import type { Browser, Page } from 'playwright-core';
import type { AccountRole } from '../../domain/accounts';
import { launchBrowser } from './browser';
import { buildConsole } from './console-build';
import { startTestPlatform, type ApiClient, type TestPlatform } from './platform';

export interface ConsoleTest {
  platform: TestPlatform;
  browser: Browser;
}

/** The built console served by a started platform, and a browser (close them with `stopConsoleTest`). */
export async function startConsoleTest(): Promise<ConsoleTest> {
  buildConsole();
  const [platform, browser] = await Promise.all([startTestPlatform(), launchBrowser()]);
  return { platform, browser };
}

export async function stopConsoleTest(t: Partial<ConsoleTest>): Promise<void> {
  await t.browser?.close();
  await t.platform?.close();
}

export interface Person {
  email: string;
  password: string;
  role: AccountRole;
  name?: string;
}

/** Invites the person with the operator key (to `merchantId`'s staff) and accepts with their password. */
export async function addPerson(api: ApiClient, who: Person, merchantId?: string): Promise<void> {
  const invited = await api.call('POST', '/v1/invitations', {
    body: { email: who.email, role: who.role, ...(merchantId ? { merchantId } : {}) },
  });
  if (invited.status !== 201) throw new Error(`not invited: ${invited.status} ${JSON.stringify(invited.body)}`);
  const accepted = await api.call('POST', '/v1/invitations/accept', {
    key: null,
    body: { token: invited.body.path.split('#')[1], name: who.name ?? who.role, password: who.password },
  });
  if (accepted.status !== 201) throw new Error(`not accepted: ${accepted.status} ${JSON.stringify(accepted.body)}`);
}

/** A fresh browser context signed in as `who`, on the first page the console shows them. */
export async function signedInPage(t: ConsoleTest, who: Person, firstPage = '대시보드'): Promise<Page> {
  const context = await t.browser.newContext({
    locale: 'ko-KR',
    timezoneId: 'Asia/Seoul',
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${t.platform.api.url}/console/signin`);
  await page.getByLabel('이메일').fill(who.email);
  await page.getByLabel('비밀번호').fill(who.password);
  await page.getByRole('button', { name: '로그인' }).click();
  await page.getByRole('heading', { name: firstPage, exact: true }).waitFor();
  return page;
}
