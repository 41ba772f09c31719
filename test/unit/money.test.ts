import fc from 'fast-check';
import {
  computeInvoiceAmounts,
  formatCentiwon,
  formatUnitPrice,
  MAX_UNIT_PRICE_CENTIWON,
  parseFees,
  parseUnitPrice,
  USAGE_TYPES,
} from '../../domain/money';

describe('unit prices (form §3: KRW, up to 2 decimals)', () => {
  it.each([
    ['8.5', 850],
    [8.5, 850],
    ['12', 1200],
    [12, 1200],
    ['0.25', 25],
    [0.29, 29], // 0.29 * 100 === 28.999999999999996: parsed from its decimal text instead
    ['8.50', 850],
    ['0', 0],
    [-0, 0],
    ['1000000', MAX_UNIT_PRICE_CENTIWON],
    ['007.5', 750],
  ])('parses %p as %i centiwon', (input, centiwon) => {
    expect(parseUnitPrice(input)).toEqual({ ok: true, centiwon });
  });

  it.each([
    ['8.555', 'unit_price_too_precise'],
    [8.555, 'unit_price_too_precise'],
    [0.1 + 0.2, 'unit_price_too_precise'],
    ['-1', 'unit_price_negative'],
    [-0.5, 'unit_price_negative'],
    [Number.NaN, 'unit_price_not_finite'],
    [Number.POSITIVE_INFINITY, 'unit_price_not_finite'],
    ['1e3', 'unit_price_invalid'],
    [1e21, 'unit_price_invalid'], // String(1e21) === '1e+21'
    [1e-7, 'unit_price_invalid'],
    ['', 'unit_price_invalid'],
    [' 8.5', 'unit_price_invalid'],
    ['8.', 'unit_price_invalid'],
    ['.5', 'unit_price_invalid'],
    ['8,5', 'unit_price_invalid'],
    ['NaN', 'unit_price_invalid'],
    ['1000000.01', 'unit_price_too_large'],
    ['99999999999999999999', 'unit_price_too_large'],
  ])('refuses %p (%s)', (input, code) => {
    const result = parseUnitPrice(input, 'fees.sms');
    expect(result).toMatchObject({ ok: false, violation: { code, field: 'fees.sms' } });
  });

  it('formats with exactly 2 decimals', () => {
    expect(formatUnitPrice(850)).toBe('8.50');
    expect(formatUnitPrice(1200)).toBe('12.00');
    expect(formatUnitPrice(25)).toBe('0.25');
    expect(formatUnitPrice(0)).toBe('0.00');
    expect(() => formatUnitPrice(8.5)).toThrow(RangeError);
    expect(() => formatUnitPrice(-1)).toThrow(RangeError);
    expect(() => formatUnitPrice(MAX_UNIT_PRICE_CENTIWON + 1)).toThrow(RangeError);
  });

  it('round-trips: parseUnitPrice(formatUnitPrice(c)) = c, from a string and from a number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_UNIT_PRICE_CENTIWON }), (c) => {
        expect(parseUnitPrice(formatUnitPrice(c))).toEqual({ ok: true, centiwon: c });
        expect(parseUnitPrice(Number(formatUnitPrice(c)))).toEqual({ ok: true, centiwon: c });
      }),
      { numRuns: 2000 },
    );
  });
});

describe('fee table (form §3)', () => {
  const complete = {
    paymentNotice: '9',
    sms: 8.5,
    lms: '25',
    alimtalk: '7.5',
    friendtalkText: 12,
    friendtalkImage: '19.99',
  };

  it('parses all six fees into centiwon', () => {
    expect(parseFees(complete)).toEqual({
      ok: true,
      fees: { paymentNotice: 900, sms: 850, lms: 2500, alimtalk: 750, friendtalkText: 1200, friendtalkImage: 1999 },
    });
  });

  it('names each missing, invalid or unknown fee', () => {
    const { sms: _sms, ...withoutSms } = complete;
    const result = parseFees({ ...withoutSms, lms: '8.555', friendTalkText: 3 });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.violations.map((v) => [v.field, v.code])).toEqual([
      ['fees.sms', 'fee_required'],
      ['fees.lms', 'unit_price_too_precise'],
      ['fees.friendTalkText', 'fee_unknown'],
    ]);
  });

  it('lists the usage types in form order', () => {
    expect(USAGE_TYPES).toEqual(['paymentNotice', 'sms', 'lms', 'alimtalk', 'friendtalkText', 'friendtalkImage']);
  });
});

describe('invoice amounts (SPEC §5)', () => {
  it('prices a line exactly and floors the supply amount to whole won', () => {
    const amounts = computeInvoiceAmounts([{ type: 'sms', quantity: 3, unitPriceCentiwon: 850 }]);
    expect(amounts).toEqual({
      lines: [{ type: 'sms', quantity: 3, unitPriceCentiwon: 850, amountCentiwon: 2550 }],
      supplyAmount: 25,
      vat: 2,
      total: 27,
    });
    expect(formatCentiwon(amounts.lines[0].amountCentiwon)).toBe('25.50');
  });

  it('sums the exact lines before flooring, so half-won lines add up', () => {
    // 25.50 + 0.50 = 26.00: flooring each line first would give 25.
    const amounts = computeInvoiceAmounts([
      { type: 'sms', quantity: 3, unitPriceCentiwon: 850 },
      { type: 'lms', quantity: 1, unitPriceCentiwon: 50 },
    ]);
    expect([amounts.supplyAmount, amounts.vat, amounts.total]).toEqual([26, 2, 28]);
  });

  it('computes a realistic month', () => {
    // 12,345 × 7.50 = 92,587.50; 1,000 × 9.90 = 9,900.00; 0 × 25.00 = 0 → 102,487.50 → supply 102,487,
    // VAT 10,248, total 112,735.
    const amounts = computeInvoiceAmounts([
      { type: 'alimtalk', quantity: 12_345, unitPriceCentiwon: 750 },
      { type: 'sms', quantity: 1_000, unitPriceCentiwon: 990 },
      { type: 'lms', quantity: 0, unitPriceCentiwon: 2500 },
    ]);
    expect(amounts.lines.map((l) => formatCentiwon(l.amountCentiwon))).toEqual(['92587.50', '9900.00', '0.00']);
    expect([amounts.supplyAmount, amounts.vat, amounts.total]).toEqual([102_487, 10_248, 112_735]);
  });

  it('is zero for no usage', () => {
    expect(computeInvoiceAmounts([])).toEqual({ lines: [], supplyAmount: 0, vat: 0, total: 0 });
  });

  it('throws RangeError on a fractional, negative or unsafe value', () => {
    expect(() => computeInvoiceAmounts([{ type: 'sms', quantity: 1.5, unitPriceCentiwon: 850 }])).toThrow(RangeError);
    expect(() => computeInvoiceAmounts([{ type: 'sms', quantity: -1, unitPriceCentiwon: 850 }])).toThrow(RangeError);
    expect(() => computeInvoiceAmounts([{ type: 'sms', quantity: 1, unitPriceCentiwon: 8.5 }])).toThrow(RangeError);
    expect(() => computeInvoiceAmounts([{ type: 'sms', quantity: 2 ** 52, unitPriceCentiwon: 2 }])).toThrow(RangeError);
    const half = Math.floor(Number.MAX_SAFE_INTEGER / 2) + 1;
    expect(() =>
      computeInvoiceAmounts([
        { type: 'sms', quantity: half, unitPriceCentiwon: 1 },
        { type: 'lms', quantity: half, unitPriceCentiwon: 1 },
      ]),
    ).toThrow(RangeError);
    expect(() => formatCentiwon(-1)).toThrow(RangeError);
  });

  it('matches an independent BigInt computation over random usage', () => {
    const line = fc.record({
      type: fc.constantFrom(...USAGE_TYPES),
      quantity: fc.oneof(fc.integer({ min: 0, max: 1_000 }), fc.integer({ min: 0, max: 10_000_000 })),
      unitPriceCentiwon: fc.integer({ min: 0, max: 100_000 }),
    });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        const amounts = computeInvoiceAmounts(lines);
        const exact = lines.reduce((acc, l) => acc + BigInt(l.quantity) * BigInt(l.unitPriceCentiwon), 0n);
        const supply = exact / 100n; // BigInt division truncates: floor for non-negative values
        const vat = supply / 10n;
        expect(BigInt(amounts.supplyAmount)).toBe(supply);
        expect(BigInt(amounts.vat)).toBe(vat);
        expect(BigInt(amounts.total)).toBe(supply + vat);
        expect(amounts.lines.map((l) => BigInt(l.amountCentiwon))).toEqual(
          lines.map((l) => BigInt(l.quantity) * BigInt(l.unitPriceCentiwon)),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('stays exact near the largest safe sums', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (sum) => {
        const amounts = computeInvoiceAmounts([{ type: 'sms', quantity: sum, unitPriceCentiwon: 1 }]);
        expect(BigInt(amounts.supplyAmount)).toBe(BigInt(sum) / 100n);
        expect(BigInt(amounts.vat)).toBe(BigInt(sum) / 1000n);
      }),
    );
    expect(
      computeInvoiceAmounts([{ type: 'sms', quantity: Number.MAX_SAFE_INTEGER, unitPriceCentiwon: 1 }]).supplyAmount,
    ).toBe(90_071_992_547_409);
  });
});
