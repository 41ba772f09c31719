/**
 * SMS/LMS sizes are counted in EUC-KR bytes, as the carriers convert (SPEC §2, Art. 2.1): ASCII is
 * 1 byte, Hangul and other KS X 1001 characters 2 bytes. We use iconv-lite's cp949, the EUC-KR
 * superset carriers use, so all 11,172 modern Hangul syllables count (2 bytes each).
 */
import iconv from 'iconv-lite';

const CODEC = 'cp949';
/** iconv-lite writes '?' for a character the code page lacks; cp949 never uses 0x3F as a trail byte. */
const QUESTION_MARK = 0x3f;

export interface UnencodableCharacter {
  ok: false;
  char: string;
  /** 1-based, in characters (code points). */
  position: number;
  /** 'U+1F600' */
  codePoint: string;
}

export type EucKrLength = { ok: true; bytes: number } | UnencodableCharacter;

/** '😀' → 'U+1F600': how developers look a character up. */
export function formatCodePoint(char: string): string {
  const cp = char.codePointAt(0) ?? 0;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

const isSubstituted = (char: string): boolean => {
  if (char === '?') return false;
  const bytes = iconv.encode(char, CODEC);
  return bytes.length === 1 && bytes[0] === QUESTION_MARK;
};

function firstUnencodable(text: string): UnencodableCharacter | undefined {
  let position = 0;
  for (const char of text) {
    position++;
    if (isSubstituted(char)) return { ok: false, char, position, codePoint: formatCodePoint(char) };
  }
  return undefined;
}

/**
 * The EUC-KR (cp949) byte length of a text, or the first character it cannot carry (SPEC §2:
 * "never silently replaced by '?'"). Characters are code points, so a surrogate pair is one.
 */
export function eucKrLength(text: string): EucKrLength {
  const encoded = iconv.encode(text, CODEC);
  // Only when the output holds more '?' than the input did was something substituted; then find it.
  const substituted = encoded.filter((b) => b === QUESTION_MARK).length > text.split('?').length - 1;
  const bad = substituted ? firstUnencodable(text) : undefined;
  return bad ?? { ok: true, bytes: encoded.length };
}
