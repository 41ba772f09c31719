/** SMS/LMS failover between carriers (domain/carrier-failover.ts). */
import fc from 'fast-check';
import { afterFailure, carrierFor, parseCarrierList } from '../../domain/carrier-failover';

const CARRIERS = ['nhn', 'simulator'];
const DEADLINE = 120_000;

describe('afterFailure', () => {
  it.each([
    ['an outage code hands over at once', 'nhn', true, 0, { retry: false, next: 'simulator' }],
    ['a timeout is retried within the deadline', 'nhn', false, DEADLINE - 1, { retry: true }],
    ['a timeout past the deadline hands over', 'nhn', false, DEADLINE, { retry: false, next: 'simulator' }],
    ['the last carrier keeps the attempt on an outage', 'simulator', true, 0, { retry: true }],
    ['the last carrier keeps the attempt past the deadline', 'simulator', false, 10 * DEADLINE, { retry: true }],
  ])('%s', (_why, carrier, outage, failingFor, expected) => {
    expect(afterFailure(CARRIERS, carrier, { outage }, 1_000, 1_000 + failingFor, DEADLINE)).toEqual(expected);
  });

  it('walks the list forward only, one carrier at a time, and never back to one that handed over', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom<string>('a', 'b', 'c', 'd'), { minLength: 1, maxLength: 4 }),
        fc.array(fc.record({ outage: fc.boolean(), elapsed: fc.nat(3 * DEADLINE) }), { maxLength: 30 }),
        (carriers, failures) => {
          const handedOver = new Set<string>();
          const holders: string[] = [];
          for (const f of failures) {
            const holder = carrierFor(carriers, handedOver);
            holders.push(holder);
            const d = afterFailure(carriers, holder, { outage: f.outage }, 0, f.elapsed, DEADLINE);
            if (!d.retry) {
              expect(d.next).toBe(carriers[carriers.indexOf(holder) + 1]);
              handedOver.add(holder);
            }
          }
          const order = holders.map((h) => carriers.indexOf(h));
          expect(order).toEqual([...order].sort((x, y) => x - y));
          for (const h of handedOver) expect(carrierFor(carriers, handedOver)).not.toBe(h);
        },
      ),
    );
  });
});

describe('SMS_PROVIDERS', () => {
  it.each([
    ['nhn,simulator', { ok: true, carriers: ['nhn', 'simulator'] }],
    [' simulator , nhn ', { ok: true, carriers: ['simulator', 'nhn'] }],
    ['nhn', { ok: true, carriers: ['nhn'] }],
    ['', { ok: false, message: 'name at least one carrier' }],
    ['nhn,nhn', { ok: false, message: 'a carrier is listed twice' }],
    ['nhn,kt', { ok: false, message: 'unknown carrier kt (known: simulator, nhn)' }],
  ])('%j', (value, expected) => {
    expect(parseCarrierList(value, ['simulator', 'nhn'])).toEqual(expected);
  });
});
