/** Durations in configuration (`KAKAO_RESULT_TIMEOUT=30s`, `RESULT_WINDOW=48h`): a number and a unit. */
const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

export function parseDuration(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)\s*$/.exec(text);
  if (!match)
    throw new RangeError(`invalid duration "${text}": use a number and one of ms, s, m, h, d (e.g. 30s, 48h)`);
  // Rounded before the checks: "0.4ms" would otherwise pass as positive and come out as 0.
  const ms = Math.round(Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS]);
  if (!Number.isSafeInteger(ms)) throw new RangeError(`invalid duration "${text}": too large`);
  if (ms <= 0) throw new RangeError(`invalid duration "${text}": must be positive`);
  return ms;
}

export function formatDuration(ms: number): string {
  for (const [unit, size] of [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1_000],
  ] as const) {
    if (ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}
