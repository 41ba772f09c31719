/** Per-key token buckets (SPEC §7: 429), shared by every API process through PostgreSQL. */
import type { Knex } from 'knex';

export interface TokenTaken {
  allowed: boolean;
  /** Tokens left after this request (fractional while refilling). */
  tokens: number;
}

// The bucket refilled at `perSecond` since its last use, up to `burst`. `now()` is the statement's
// start: one that waited for the row lock may start before the one it waited for, hence GREATEST.
const REFILLED = `LEAST(CAST(:burst AS float8),
  b.tokens + GREATEST(0, EXTRACT(EPOCH FROM now() - b.refilled_at)) * CAST(:perSecond AS float8))`;

/**
 * Takes one token from `key`'s bucket in one statement, so the concurrent requests of every
 * process see one bucket (the row lock orders them). A refused request takes nothing.
 */
export async function takeToken(db: Knex, key: string, perSecond: number, burst: number): Promise<TokenTaken> {
  const { rows } = await db.raw(
    `INSERT INTO rate_limit_buckets AS b (key, tokens, refilled_at, allowed)
     VALUES (:key, CAST(:burst AS float8) - 1, now(), true)
     ON CONFLICT (key) DO UPDATE SET
       tokens = ${REFILLED} - CASE WHEN ${REFILLED} >= 1 THEN 1 ELSE 0 END,
       allowed = ${REFILLED} >= 1,
       refilled_at = GREATEST(b.refilled_at, now())
     RETURNING tokens, allowed`,
    { key, perSecond, burst },
  );
  return rows[0] as TokenTaken;
}
