/**
 * Exact money for billing (SPEC §5, Art. 6, 7; form §3). Unit prices are KRW per message, VAT
 * excluded, with up to 2 decimal places (8.5 원), so they are held as integer hundredths of a won
 * ("centiwon"). Invoice totals are whole won. Every value is a JS number asserted to be a safe
 * integer; no float ever carries money.
 */
import { refuse, type Refusal, type RuleViolation } from './rules';

/** Billable usage types, named after the fee lines of form §3. */
export const USAGE_TYPES = ['paymentNotice', 'sms', 'lms', 'alimtalk', 'friendtalkText', 'friendtalkImage'] as const;
export type UsageType = (typeof USAGE_TYPES)[number];

/** Per-message unit prices of a contract, in centiwon. */
export type Fees = Record<UsageType, number>;

/** 1,000,000 원 per message: far above any real price, so anything larger is a typo. */
export const MAX_UNIT_PRICE_CENTIWON = 100_000_000;

export type UnitPriceResult = { ok: true; centiwon: number } | Refusal;

function assertSafeInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a safe integer, got ${value}`);
}

function assertAmount(value: number, what: string): void {
  assertSafeInteger(value, what);
  if (value < 0) throw new RangeError(`${what} must not be negative, got ${value}`);
}

/** floor(n / d) for non-negative safe integers: the remainder is taken off first, so the division is exact. */
function floorDiv(n: number, d: number): number {
  return (n - (n % d)) / d;
}

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/**
 * Parses a unit price ("8.5", 8.5, "12", "0.25") into centiwon. A number is read through its
 * shortest decimal string (String(0.29) === '0.29'), never multiplied as a float (0.29 * 100 is
 * 28.999999999999996). Refuses negatives, more than 2 decimals, exponents, NaN/Infinity and
 * prices above 1,000,000 원.
 */
export function parseUnitPrice(input: string | number, field = 'unitPrice'): UnitPriceResult {
  const refused = (code: string, message: string) => refuse(code, message, { field, value: input });
  if (typeof input === 'number' && !Number.isFinite(input))
    return refused('unit_price_not_finite', `unit price must be a finite number, got ${input}`);
  const text = typeof input === 'number' ? String(input) : input;
  if (text.startsWith('-')) return refused('unit_price_negative', `unit price must not be negative, got ${text}`);
  const match = DECIMAL.exec(text);
  if (!match)
    return refused(
      'unit_price_invalid',
      `unit price must be a plain decimal number of won such as 8.5 or 12, got "${text}"`,
    );
  const [, whole, fraction = ''] = match;
  if (fraction.length > 2)
    return refused('unit_price_too_precise', `unit price may have at most 2 decimal places, got ${text}`);
  // Leading zeros aside, more than 7 digits of won is already above the cap; checked on the text so
  // Number() never sees a value beyond 2^53.
  if (whole.replace(/^0+/, '').length > 7)
    return refused('unit_price_too_large', `unit price must be at most 1000000.00 won, got ${text}`);
  const centiwon = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (centiwon > MAX_UNIT_PRICE_CENTIWON)
    return refused('unit_price_too_large', `unit price must be at most 1000000.00 won, got ${text}`);
  return { ok: true, centiwon };
}

/** Centiwon as won with exactly 2 decimals: 2550 → "25.50", 1200 → "12.00". */
export function formatCentiwon(amountCentiwon: number): string {
  assertAmount(amountCentiwon, 'amount (centiwon)');
  const cents = amountCentiwon % 100;
  return `${(amountCentiwon - cents) / 100}.${String(cents).padStart(2, '0')}`;
}

/**
 * Canonical text of a unit price: always 2 decimals ("8.50", "12.00", "0.25"), the form of the
 * NUMERIC(…, 2) column and of the tax invoice, so parseUnitPrice(formatUnitPrice(x)) === x.
 */
export function formatUnitPrice(centiwon: number): string {
  assertAmount(centiwon, 'unit price (centiwon)');
  if (centiwon > MAX_UNIT_PRICE_CENTIWON)
    throw new RangeError(`unit price must be at most ${MAX_UNIT_PRICE_CENTIWON} centiwon, got ${centiwon}`);
  return formatCentiwon(centiwon);
}

export type FeesResult = { ok: true; fees: Fees } | { ok: false; violations: RuleViolation[] };

/**
 * Validates a contract's fee table (form §3): all six unit prices are required, each a valid unit
 * price; an unknown key is refused rather than ignored, so a misspelt fee never goes unpriced.
 */
export function parseFees(input: Readonly<Record<string, unknown>>): FeesResult {
  const violations: RuleViolation[] = [];
  const fees: Partial<Fees> = {};
  for (const type of USAGE_TYPES) {
    const field = `fees.${type}`;
    const value = input[type];
    if (value === undefined || value === null) {
      violations.push({ code: 'fee_required', message: `the unit price for ${type} is required`, field });
    } else if (typeof value !== 'string' && typeof value !== 'number') {
      violations.push({
        code: 'unit_price_invalid',
        message: `the unit price for ${type} must be a number or a decimal string`,
        field,
      });
    } else {
      const parsed = parseUnitPrice(value, field);
      if (parsed.ok) fees[type] = parsed.centiwon;
      else violations.push(parsed.violation);
    }
  }
  for (const key of Object.keys(input)) {
    if (!(USAGE_TYPES as readonly string[]).includes(key)) {
      violations.push({
        code: 'fee_unknown',
        message: `unknown fee "${key}": expected one of ${USAGE_TYPES.join(', ')}`,
        field: `fees.${key}`,
      });
    }
  }
  return violations.length > 0 ? { ok: false, violations } : { ok: true, fees: fees as Fees };
}

export interface InvoiceLineInput<T extends string = string> {
  type: T;
  quantity: number;
  unitPriceCentiwon: number;
}

export interface InvoiceLine<T extends string = string> extends InvoiceLineInput<T> {
  amountCentiwon: number;
}

export interface InvoiceAmounts<T extends string = string> {
  lines: InvoiceLine<T>[];
  /** 공급가액, whole won. */
  supplyAmount: number;
  /** 부가세, whole won. */
  vat: number;
  /** Whole won. */
  total: number;
}

/**
 * Invoice amounts (SPEC §5): each line is quantity × unit price, exact in centiwon; the supply
 * amount is the exact sum of the lines rounded down to whole won (sum first, then floor, so
 * fractions of a won across lines are not lost line by line); VAT = floor(supply / 10);
 * total = supply + VAT. Throws RangeError when any value is not a non-negative safe integer.
 */
export function computeInvoiceAmounts<T extends string>(lines: ReadonlyArray<InvoiceLineInput<T>>): InvoiceAmounts<T> {
  let sumCentiwon = 0;
  const priced = lines.map((line) => {
    assertAmount(line.quantity, `quantity of ${line.type}`);
    assertAmount(line.unitPriceCentiwon, `unit price of ${line.type}`);
    const amountCentiwon = line.quantity * line.unitPriceCentiwon;
    assertSafeInteger(amountCentiwon, `amount of ${line.type}`);
    sumCentiwon += amountCentiwon;
    assertSafeInteger(sumCentiwon, 'sum of invoice lines');
    return { type: line.type, quantity: line.quantity, unitPriceCentiwon: line.unitPriceCentiwon, amountCentiwon };
  });
  const supplyAmount = floorDiv(sumCentiwon, 100);
  const vat = floorDiv(supplyAmount, 10);
  return { lines: priced, supplyAmount, vat, total: supplyAmount + vat };
}
