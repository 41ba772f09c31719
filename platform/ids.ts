/**
 * Public ids: a type prefix and a ULID-style body (48-bit time + 80-bit random, Crockford base32),
 * so ids sort by creation time, e.g. `msg_01jd3x0k5q8m3v7c2z9w4t6y1r`.
 */
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

export type IdPrefix =
  | 'mer'
  | 'key'
  | 'ctr'
  | 'snd'
  | 'doc'
  | 'msg'
  | 'tpl'
  | 'pev'
  | 'inv'
  | 'pay'
  | 'dsp'
  | 'run'
  | 'whk'
  // Console users and invitations (issue 14).
  | 'usr'
  | 'ivt'
  // Campaigns, 080 opt-out numbers and the notices of opt-outs their callers make (issue 15).
  | 'cmp'
  | 'oon'
  | 'oot'
  // Uploaded images and noticed merchant changes (issue 12).
  | 'img'
  | 'chg';

export function newId(prefix: IdPrefix, now = Date.now()): string {
  let time = '';
  for (let t = now, i = 0; i < 10; i++, t = Math.floor(t / 32)) time = ALPHABET[t % 32] + time;
  const bytes = randomBytes(16);
  let rand = '';
  for (let i = 0; i < 16; i++) rand += ALPHABET[bytes[i] % 32];
  return `${prefix}_${time}${rand}`;
}
