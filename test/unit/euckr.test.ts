import fc from 'fast-check';
import iconv from 'iconv-lite';
import { eucKrLength, formatCodePoint } from '../../domain/euckr';

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;

const hangul = fc.integer({ min: HANGUL_FIRST, max: HANGUL_LAST }).map((cp) => String.fromCodePoint(cp));
const printableAscii = fc.integer({ min: 0x20, max: 0x7e }).map((cp) => String.fromCodePoint(cp));

describe('EUC-KR byte length (SMS/LMS size)', () => {
  it('counts ASCII as 1 byte each', () => {
    expect(eucKrLength('Hello, world! 123?')).toEqual({ ok: true, bytes: 18 });
  });

  it('counts Hangul as 2 bytes each', () => {
    expect(eucKrLength('안녕하세요')).toEqual({ ok: true, bytes: 10 });
  });

  it('counts a Hangul and ASCII mix as ASCII + 2 × Hangul', () => {
    expect(eucKrLength('주문 #1234 배송 시작')).toEqual({ ok: true, bytes: 4 + 1 + 5 + 1 + 4 + 1 + 4 });
  });

  it('counts every one of the 11,172 modern Hangul syllables as 2 bytes, including ones outside KS X 1001 like 똠 and 뷁', () => {
    const all = Array.from({ length: HANGUL_LAST - HANGUL_FIRST + 1 }, (_, i) =>
      String.fromCodePoint(HANGUL_FIRST + i),
    ).join('');
    expect(eucKrLength(all)).toEqual({ ok: true, bytes: 2 * 11_172 });
    expect(eucKrLength('똠뷁')).toEqual({ ok: true, bytes: 4 });
  });

  it('counts KS X 1001 symbols, Hangul jamo and Hanja as 2 bytes', () => {
    expect(eucKrLength('①ㄱ漢·')).toEqual({ ok: true, bytes: 8 });
  });

  it('counts an empty text as 0 bytes', () => {
    expect(eucKrLength('')).toEqual({ ok: true, bytes: 0 });
  });

  it('keeps a real question mark, which is 1 byte', () => {
    expect(eucKrLength('괜찮아요?')).toEqual({ ok: true, bytes: 9 });
  });

  it('reports an emoji with its code point and 1-based position instead of replacing it with ?', () => {
    expect(eucKrLength('안녕 😀')).toEqual({ ok: false, char: '😀', position: 4, codePoint: 'U+1F600' });
  });

  it('counts a surrogate pair as one character when locating a later unencodable one', () => {
    expect(eucKrLength('😀a😀é')).toEqual({ ok: false, char: '😀', position: 1, codePoint: 'U+1F600' });
    expect(eucKrLength('a?b é')).toEqual({ ok: false, char: 'é', position: 5, codePoint: 'U+00E9' });
  });

  it('reports the first unencodable character when a text also contains real question marks', () => {
    expect(eucKrLength('?가?₩')).toEqual({ ok: false, char: '₩', position: 4, codePoint: 'U+20A9' });
  });

  it('reports a lone surrogate as unencodable', () => {
    expect(eucKrLength('a\uD83D')).toEqual({ ok: false, char: '\uD83D', position: 2, codePoint: 'U+D83D' });
  });

  it('formats code points the way Unicode charts do', () => {
    expect(formatCodePoint('A')).toBe('U+0041');
    expect(formatCodePoint('가')).toBe('U+AC00');
    expect(formatCodePoint('😀')).toBe('U+1F600');
  });

  it('equals ASCII count + 2 × Hangul count for any mix of the two', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(hangul, printableAscii), { maxLength: 200 }), (chars) => {
        const ascii = chars.filter((c) => c.charCodeAt(0) < 0x80).length;
        expect(eucKrLength(chars.join(''))).toEqual({ ok: true, bytes: ascii + 2 * (chars.length - ascii) });
      }),
    );
  });

  it('either measures a text that round-trips through the codec unchanged, or names a character that is really in it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (text) => {
        const result = eucKrLength(text);
        if (result.ok) {
          const encoded = iconv.encode(text, 'cp949');
          expect(result.bytes).toBe(encoded.length);
          expect(iconv.decode(encoded, 'cp949')).toBe(text);
        } else {
          expect([...text][result.position - 1]).toBe(result.char);
        }
      }),
    );
  });
});
