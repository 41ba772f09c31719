/**
 * 사업자등록번호 (business registration number, SPEC §3): 10 digits `XXX-XX-XXXXX` whose last digit
 * is a check digit. Weights 1,3,7,1,3,7,1,3,5 over the first nine digits, plus the carry of
 * (9th digit × 5) / 10; check = (10 − sum mod 10) mod 10.
 */
const WEIGHTS = [1, 3, 7, 1, 3, 7, 1, 3, 5];

export type BrnCheck = { ok: true; brn: string } | { ok: false; reason: 'format' | 'checksum' };

export function normalizeBrn(input: string): string {
  return input.replace(/[\s-]/g, '');
}

/** The check digit that completes the first nine digits of a number. */
export function brnCheckDigit(firstNine: string): number {
  const d = [...firstNine].map(Number);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += d[i] * WEIGHTS[i];
  sum += Math.floor((d[8] * 5) / 10);
  return (10 - (sum % 10)) % 10;
}

export function checkBrn(input: string): BrnCheck {
  const brn = normalizeBrn(input);
  if (!/^\d{10}$/.test(brn)) return { ok: false, reason: 'format' };
  return brnCheckDigit(brn.slice(0, 9)) === Number(brn[9]) ? { ok: true, brn } : { ok: false, reason: 'checksum' };
}

/** 1234567891 → 123-45-67891, as printed on a tax invoice. */
export function formatBrn(brn: string): string {
  return `${brn.slice(0, 3)}-${brn.slice(3, 5)}-${brn.slice(5)}`;
}
