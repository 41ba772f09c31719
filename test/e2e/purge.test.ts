/**
 * The purge leaves nothing personal (Art. 10.2). A merchant uses everything that takes personal
 * data — receiving numbers, sender numbers with proof documents, AlimTalk with variables and a
 * custom fallback text, SMS, LMS, a FriendTalk image, payment notices to buyers with a virtual
 * account, an opt-out — then terminates its contract. After the purge, and after the proof
 * documents' retention, every text, json and binary column of every table in PostgreSQL and every
 * Temporal history of the merchant's workflows is searched for each phone number and each message
 * text: none is found. The same search before the purge finds them, so it is not looking in vain.
 */
import {
  activeContract,
  approvedTemplate,
  finalMessage,
  MESSAGING_SERVICES,
  type ActiveContract,
} from '../support/api-fixtures';
import { png } from '../support/images';
import { eventually, startTestPlatform, type TestPlatform } from '../support/platform';
import { historyText } from '../support/temporal';
import { RetentionWorkflow } from '../../workflows/retention';
import { TASK_QUEUES } from '../../workflows/task-queues';

/** Noon in Seoul today, running on from there (FriendTalk ads are sent 08:00–20:50 KST only). */
const started = Date.now();
const noonKst = Date.parse(`${new Date(started + 9 * 3_600_000).toISOString().slice(0, 10)}T12:00:00+09:00`);
const daytime = () => new Date(noonKst + (Date.now() - started));

const RECEIVERS = ['010-2468-1357', '010-1357-2468'];
const SENDER = '02-3456-7890';
const SECOND_SENDER = '031-876-5432';
const BUYER_PHONE = '010-9876-5432';
const OPTED_OUT = '010-1111-9999';
const TO = {
  alimtalk: '010-9753-9001', // Kakao fails: the custom fallback text goes out
  sms: '010-8642-2002',
  lms: '010-6420-3003',
  friendtalk: '010-5319-4004',
};
const TEXTS = {
  rendered: '이영희님, 주문 B-7이(가) 접수되었습니다.',
  fallback: '[바른상점] 이영희님 주문 B-7 접수 안내',
  sms: '[바른상점] 배송이 시작되었습니다. 송장 4417-2290',
  lms: '[바른상점] 교환 접수 안내: 고객님의 교환 요청이 접수되어 담당자가 연락드립니다.',
  subject: '교환 접수 안내 (이영희님)',
  friendtalk: '(광고) 바른상점 봄맞이 한정 특가 안내. 무료수신거부 080-123-4567',
  buyerName: '김구매왕',
  account: '302-8815-4471-29',
};
const digits = (n: string) => n.replace(/-/g, '');
const PHONES = [...RECEIVERS, SENDER, SECOND_SENDER, BUYER_PHONE, OPTED_OUT, ...Object.values(TO)];
const NEEDLES = [...PHONES, ...PHONES.map(digits), ...Object.values(TEXTS), digits(TEXTS.account)];

let platform: TestPlatform;
let c: ActiveContract;

beforeAll(async () => {
  platform = await startTestPlatform({ clock: daytime });
  c = await activeContract(platform.api, {
    services: {
      ...MESSAGING_SERVICES,
      paymentNotice: {
        merchant: { approval: true, cancel: true },
        buyer: { approval: true, cancel: true, vbankIssued: true },
      },
    },
    senderNumbers: [SENDER],
    receiverNumbers: RECEIVERS,
    mids: ['PURGEMID01'],
  });
}, 120_000);

afterAll(async () => {
  await platform?.close();
});

const key = () => c.merchant.apiKey;
const call = (method: string, path: string, body?: unknown) => platform.api.call(method, path, { key: key(), body });

/** Every text, varchar, json(b), array and bytea column of every table that holds one of the needles. */
async function searchPostgres(): Promise<string[]> {
  const columns: { table_name: string; column_name: string; data_type: string }[] = await platform
    .db('information_schema.columns')
    .where({ table_schema: 'public' })
    .whereIn('data_type', ['text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'bytea'])
    .select('table_name', 'column_name', 'data_type');
  expect(columns.length).toBeGreaterThan(50);
  const hits: string[] = [];
  for (const { table_name: table, column_name: column, data_type: type } of columns) {
    for (const needle of NEEDLES) {
      const where =
        type === 'bytea'
          ? platform.db.raw('position(convert_to(?, ?) in ??) > 0', [needle, 'UTF8', column])
          : platform.db.raw('??::text like ?', [column, `%${needle}%`]);
      const [{ n }] = await platform.db(table).where(where).count('* as n');
      if (Number(n) > 0) hits.push(`${table}.${column}: ${needle}`);
    }
  }
  return hits;
}

/** Every Temporal history of the merchant's workflows, payloads decoded, that holds one of the needles. */
async function searchTemporal(): Promise<{ workflows: number; decoded: number; hits: string[] }> {
  const hits: string[] = [];
  let workflows = 0;
  /** Histories whose decoded payloads show the merchant's id: the search reads the payloads. */
  let decoded = 0;
  for await (const w of platform.env.client.workflow.list({ query: `MerchantId = "${c.merchant.id}"` })) {
    workflows++;
    const history = await platform.env.client.workflow.getHandle(w.workflowId, w.runId).fetchHistory();
    const text = historyText(history);
    if (text.includes(c.merchant.id)) decoded++;
    for (const needle of NEEDLES) if (text.includes(needle)) hits.push(`${w.workflowId}: ${needle}`);
  }
  return { workflows, decoded, hits };
}

describe('the purge when a contract ends (Art. 10.2)', () => {
  it('leaves no phone number and no message text in PostgreSQL or in the merchant’s Temporal histories', async () => {
    // A second sender number: its proof document names it, as real ones do.
    const proof = Buffer.from(`%PDF-1.4\n% 가입사실증명원 ${SECOND_SENDER}\n`).toString('base64');
    const added = await call('POST', `/v1/contracts/${c.contractId}/sender-numbers`, {
      number: SECOND_SENDER,
      proofDocument: { fileName: `가입사실증명_${digits(SECOND_SENDER)}.pdf`, contentBase64: proof },
    });
    expect(added.status).toBe(201);
    await approvedTemplate(platform.api, key(), 'ORDER_B', '#{name}님, 주문 #{order}이(가) 접수되었습니다.');
    expect((await call('POST', '/v1/opt-outs', { number: OPTED_OUT })).status).toBe(201);
    const image = await call('POST', '/v1/images', {
      fileName: 'spring.png',
      contentBase64: png(800, 400).toString('base64'),
    });

    const sends = [
      {
        type: 'alimtalk',
        to: TO.alimtalk,
        templateCode: 'ORDER_B',
        variables: { name: '이영희', order: 'B-7' },
        fallback: { enabled: true, text: TEXTS.fallback },
      },
      { type: 'sms', to: TO.sms, text: TEXTS.sms },
      { type: 'lms', to: TO.lms, text: TEXTS.lms, subject: TEXTS.subject },
      { type: 'friendtalk_image', to: TO.friendtalk, text: TEXTS.friendtalk, imageId: image.body.id },
    ];
    const ids: string[] = [];
    for (const body of sends) {
      const res = await call('POST', '/v1/messages', body);
      expect(res.status).toBe(202);
      ids.push(res.body.id);
    }
    for (const event of [
      { tid: 'T-PURGE-1', event: 'approved', method: 'card' },
      {
        tid: 'T-PURGE-2',
        event: 'vbank_issued',
        method: 'vbank',
        vbank: { bank: '신한은행', accountNumber: TEXTS.account, holder: TEXTS.buyerName, dueDate: '2027-01-31' },
      },
    ]) {
      const res = await call('POST', '/v1/payment-events', {
        mid: 'PURGEMID01',
        amount: 39_000,
        productName: '봄 원피스',
        buyer: { name: TEXTS.buyerName, phone: BUYER_PHONE },
        ...event,
      });
      expect(res.status).toBe(202);
      ids.push(...res.body.notices);
    }
    const finals = await Promise.all(ids.map((id) => finalMessage(platform.api, key(), id)));
    expect(finals.map((m) => m.status)).toEqual(ids.map(() => 'delivered'));

    // Before: the search finds the personal data where it belongs.
    const before = await searchPostgres();
    for (const where of ['messages.recipient', 'messages.text', 'messages.fallback', 'contracts.receiver_numbers'])
      expect(before.some((h) => h.startsWith(where))).toBe(true);
    expect(before).toEqual(expect.arrayContaining([`proof_documents.content: ${SECOND_SENDER}`]));

    const usageBefore = await platform.db('usage_records').where({ merchant_id: c.merchant.id }).count('* as n');
    const terminated = await call('POST', `/v1/contracts/${c.contractId}/terminate`, { cause: 'business_closure' });
    expect(terminated.body.status).toBe('terminated');
    await eventually(
      async () =>
        (await platform.db('audit_log').where({ subject_id: c.contractId, action: 'personal_data.purged' }).first()) ??
        undefined,
      30_000,
      'the purge',
    );
    // Proof documents outlive the contract by their retention (README "Retention"); here it is 1 ms.
    await new Promise((r) => setTimeout(r, 10));
    await platform.env.client.workflow.execute(RetentionWorkflow, {
      workflowId: `retention-test-${Date.now()}`,
      taskQueue: TASK_QUEUES.contracts,
      args: [{ messageRetentionMs: 0, proofDocumentRetentionMs: 1 }],
    });

    const afterPostgres = await searchPostgres();
    const afterTemporal = await searchTemporal();
    console.log(
      `purge search: ${NEEDLES.length} needles; PostgreSQL ${before.length} hits before, ${afterPostgres.length} after; ` +
        `Temporal ${afterTemporal.workflows} histories, ${afterTemporal.hits.length} hits after\n` +
        `before: ${before.join('; ')}`,
    );
    expect(afterPostgres).toEqual([]);
    expect(afterTemporal.workflows).toBeGreaterThanOrEqual(ids.length + 2);
    expect(afterTemporal.decoded).toBe(afterTemporal.workflows);
    expect(afterTemporal.hits).toEqual([]);

    // What the law keeps stays: usage (tax records) and message metadata.
    expect(await platform.db('usage_records').where({ merchant_id: c.merchant.id }).count('* as n')).toEqual(
      usageBefore,
    );
    const kept = await call('GET', `/v1/messages/${ids[1]}`);
    expect(kept.body).toMatchObject({ status: 'delivered', type: 'sms', to: '010-****-2002' });
  });
});
