/**
 * The whole billing chain as a property (SPEC §5: billed in the month it was delivered; every usage
 * record on exactly one invoice), against the real PostgreSQL: the store functions the activities
 * call (finalizeMessage, contractsWithUnclaimedUsage, claimUsage) driven in time order by random
 * scenarios — deliveries around month boundaries, results recorded after random delays,
 * terminations, billing runs and invoice drafts at random moments, runs repeated — next to a model
 * of the rule. Without Temporal, so it stays fast: the workflows only sequence these calls.
 *
 * Asserted for every scenario, once the runs have caught up:
 * - each usage record is claimed by exactly the invoice the rule names: its month's, if recorded
 *   before that invoice was drafted, else the contract's next invoice drafted after it was recorded;
 * - each invoice's lines count exactly the records it claimed, so the sum over all invoices equals
 *   all usage, nothing counted twice and nothing left unclaimed.
 */
import fc from 'fast-check';
import { addPeriods } from '../../domain/calendar-kst';
import { invoiceIdFor, periodEnd } from '../../domain/invoice';
import type { UsageType } from '../../domain/money';
import { newId } from '../../platform/ids';
import { claimUsage, contractsWithUnclaimedUsage, unclaimedUsageCount } from '../../store/billing';
import { finalizeMessage, insertMessages } from '../../store/messages';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { messageRow, seedActiveContract } from '../support/fixtures';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** The months a scenario delivers in; two more are billed to catch up. */
const MONTHS = ['2026-03', '2026-04', '2026-05', '2026-06'];
const ALL_MONTHS = [...MONTHS, addPeriods(MONTHS[3], 1), addPeriods(MONTHS[3], 2)];
const start = +periodEnd('2026-02');
const ends = MONTHS.map((m) => +periodEnd(m));
const TYPES = ['sms', 'lms', 'alimtalk', 'friendtalkText'] as const satisfies readonly UsageType[];

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

const deliveryTime = fc.oneof(
  // Anywhere in the four months…
  fc.integer({ min: start, max: ends[3] - 1 }),
  // …or within two minutes of a month's end, either side.
  fc
    .tuple(fc.constantFrom(...ends.slice(0, 3)), fc.integer({ min: -2 * MINUTE, max: 2 * MINUTE }))
    .map(([e, d]) => e + d),
);
/** How long after the delivery its usage record reaches the database (a result report, retries, a crash). */
const recordDelay = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 0, max: 10 * MINUTE }),
  fc.integer({ min: 0, max: 3 * DAY }),
);

const scenario = fc.record({
  contracts: fc.integer({ min: 1, max: 3 }),
  /** Per contract: terminated at this moment (no deliveries after it), or never. */
  terminations: fc.array(fc.option(fc.integer({ min: start, max: ends[3] }), { nil: undefined }), {
    minLength: 3,
    maxLength: 3,
  }),
  deliveries: fc.array(
    fc.record({
      contract: fc.nat(2),
      at: deliveryTime,
      delay: recordDelay,
      type: fc.constantFrom(...TYPES),
    }),
    { maxLength: 24 },
  ),
  /** Per month: when its billing run starts after the month's end, and whether it runs again later. */
  runs: fc.array(
    fc.record({
      after: fc.oneof(fc.integer({ min: 0, max: 15 * MINUTE }), fc.integer({ min: 0, max: 5 * DAY })),
      again: fc.option(fc.integer({ min: HOUR, max: 20 * DAY }), { nil: undefined }),
    }),
    { minLength: MONTHS.length, maxLength: MONTHS.length },
  ),
  /** How long after its run an invoice is drafted (the workflow's first activity). */
  draftDelay: fc.integer({ min: 0, max: 2 * HOUR }),
});

type Event =
  | { at: number; kind: 'record'; message: string }
  | { at: number; kind: 'run'; month: string }
  | { at: number; kind: 'draft'; month: string; contract: string };
const ORDER = { record: 0, draft: 1, run: 2 } as const;

async function activeContract() {
  const { merchant, app } = await seedActiveContract(t.db, start);
  return { contractId: app.id, merchantId: merchant.id };
}

it('every usage record lands on exactly the invoice the rule names, and the invoices add up to all usage', async () => {
  await fc.assert(
    fc.asyncProperty(scenario, async (sc) => {
      const contracts = await Promise.all(Array.from({ length: sc.contracts }, activeContract));
      const ids = new Set(contracts.map((c) => c.contractId));
      const deliveries = sc.deliveries
        .filter((d) => d.contract < contracts.length)
        .filter((d) => (sc.terminations[d.contract] ?? Infinity) > d.at)
        .map((d) => ({ ...d, message: newId('msg'), contract: contracts[d.contract], recordedAt: d.at + d.delay }));
      await insertMessages(
        t.db,
        deliveries.map((d) =>
          messageRow({
            id: d.message,
            merchantId: d.contract.merchantId,
            contractId: d.contract.contractId,
            type: d.type === 'friendtalkText' ? 'friendtalk' : d.type,
            recipient: '01012345678',
            text: '안내',
            createdAt: new Date(d.at).toISOString(),
          }),
        ),
      );

      const byMessage = new Map(deliveries.map((d) => [d.message, d]));
      const lastRecord = Math.max(start, ...deliveries.map((d) => d.recordedAt));
      const events: Event[] = [
        ...deliveries.map((d) => ({ at: d.recordedAt, kind: 'record' as const, message: d.message })),
        ...MONTHS.flatMap((month, i) => [
          { at: ends[i] + sc.runs[i].after, kind: 'run' as const, month },
          ...(sc.runs[i].again
            ? [{ at: ends[i] + sc.runs[i].after + sc.runs[i].again, kind: 'run' as const, month }]
            : []),
        ]),
        // Catching up: the months after, run once every record is in.
        ...ALL_MONTHS.slice(MONTHS.length).map((month) => ({
          at: Math.max(+periodEnd(month), lastRecord + 1),
          kind: 'run' as const,
          month,
        })),
      ];

      // The model: which records are in the database, and which invoice claimed each.
      const recorded = new Set<string>();
      const claimedBy = new Map<string, string>();
      const started = new Set<string>();
      /** Per invoice: when it was drafted, its month and contract, how many records it claimed. */
      const drafted = new Map<string, { at: number; month: string; contract: string; count: number }>();
      const unclaimedOf = (contractId: string, month: string) =>
        [...recorded].filter(
          (m) =>
            !claimedBy.has(m) &&
            byMessage.get(m)!.contract.contractId === contractId &&
            byMessage.get(m)!.at < +periodEnd(month),
        );

      while (events.length) {
        events.sort((a, b) => a.at - b.at || ORDER[a.kind] - ORDER[b.kind]);
        const e = events.shift()!;
        if (e.kind === 'record') {
          const d = byMessage.get(e.message)!;
          await finalizeMessage(t.db, {
            messageId: d.message,
            status: 'delivered',
            deliveredVia: d.type === 'friendtalkText' ? 'friendtalk' : d.type,
            failureReason: null,
            finalizedAt: new Date(d.at).toISOString(),
            usage: { kind: 'message', usageType: d.type },
          });
          recorded.add(d.message);
        } else if (e.kind === 'run') {
          // A run starts the invoice of every contract with unclaimed usage from before the month's
          // end, once per contract and month ever (the workflow id's REJECT_DUPLICATE).
          const listed = (await contractsWithUnclaimedUsage(t.db, e.month))
            .map((c) => c.contractId)
            .filter((c) => ids.has(c));
          const expected = contracts.map((c) => c.contractId).filter((c) => unclaimedOf(c, e.month).length > 0);
          expect(listed.sort()).toEqual(expected.sort());
          for (const contract of listed) {
            const invoiceId = invoiceIdFor(contract, e.month);
            if (started.has(invoiceId)) continue;
            started.add(invoiceId);
            events.push({ at: e.at + sc.draftDelay, kind: 'draft', month: e.month, contract });
          }
        } else {
          const invoiceId = invoiceIdFor(e.contract, e.month);
          const claimed = unclaimedOf(e.contract, e.month);
          for (const m of claimed) claimedBy.set(m, invoiceId);
          drafted.set(invoiceId, { at: e.at, month: e.month, contract: e.contract, count: claimed.length });
          const draft = await claimUsage(t.db, { invoiceId, contractId: e.contract, period: e.month });
          const quantity = (draft?.lines ?? []).reduce((n, l) => n + l.quantity, 0);
          expect({ invoiceId, quantity }).toEqual({ invoiceId, quantity: claimed.length });
        }
      }

      const rows = await t
        .db('usage_records')
        .whereIn(
          'message_id',
          deliveries.map((d) => d.message),
        )
        .select('message_id', 'invoice_id', 'period');
      expect(rows).toHaveLength(deliveries.length);
      for (const r of rows) {
        const d = byMessage.get(r.message_id)!;
        // Billed in the month it was delivered (KST)…
        const month = new Date(d.at + 9 * HOUR).toISOString().slice(0, 7);
        expect(r.period).toBe(month);
        // …on the invoice the rule names: never none, never another.
        expect({ message: r.message_id, invoice: r.invoice_id }).toEqual({
          message: r.message_id,
          invoice: claimedBy.get(r.message_id),
        });
        // The rule, stated on its own: the first of the contract's invoices drafted once the record
        // was in whose month ended after the delivery — its own month's if that came after.
        const first = [...drafted.entries()]
          .filter(([, x]) => x.contract === d.contract.contractId && x.at >= d.recordedAt && +periodEnd(x.month) > d.at)
          .sort(([, a], [, b]) => a.at - b.at || a.month.localeCompare(b.month))[0];
        expect(r.invoice_id).toBe(first[0]);
        const own = drafted.get(invoiceIdFor(d.contract.contractId, month));
        if (own && own.at >= d.recordedAt) expect(r.invoice_id).toBe(invoiceIdFor(d.contract.contractId, month));
      }
      for (const c of contracts) expect(await unclaimedUsageCount(t.db, c.contractId)).toBe(0);
      const billed = [...drafted.values()].reduce((n, x) => n + x.count, 0);
      expect(billed).toBe(deliveries.length);
    }),
    { numRuns: 40 },
  );
});
