import { imageSize } from 'image-size';
import { crc32 } from 'node:zlib';
import { checkFriendTalkImage, IMAGE_MAX_BYTES } from '../../domain/image';

const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};
const u16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
};

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  return Buffer.concat([u32(data.length), body, u32(crc32(body))]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHUNK_OVERHEAD = 12;

/** A PNG header: signature, IHDR (8-bit truecolour), an optional private padding chunk, IEND. */
function png(width: number, height: number, totalBytes?: number): Buffer {
  const ihdr = pngChunk('IHDR', Buffer.concat([u32(width), u32(height), Buffer.from([8, 2, 0, 0, 0])]));
  const iend = pngChunk('IEND', Buffer.alloc(0));
  const bare = PNG_SIGNATURE.length + ihdr.length + iend.length;
  const padding = totalBytes === undefined ? [] : [pngChunk('prVt', Buffer.alloc(totalBytes - bare - CHUNK_OVERHEAD))];
  return Buffer.concat([PNG_SIGNATURE, ihdr, ...padding, iend]);
}

/** A baseline JPEG header: SOI, a JFIF APP0 segment, SOF0 with the size (3 components), EOI. */
function jpeg(width: number, height: number): Buffer {
  const app0 = Buffer.concat([
    Buffer.from([0xff, 0xe0]),
    u16(16),
    Buffer.from('JFIF\0', 'latin1'),
    Buffer.from([1, 1, 0]),
    u16(1),
    u16(1),
    Buffer.from([0, 0]),
  ]);
  const components = Buffer.from([1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  const sof0 = Buffer.concat([
    Buffer.from([0xff, 0xc0]),
    u16(8 + components.length),
    Buffer.from([8]),
    u16(height),
    u16(width),
    Buffer.from([3]),
    components,
  ]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof0, Buffer.from([0xff, 0xd9])]);
}

/** A GIF89a header with its logical screen size (little-endian). */
function gif(width: number, height: number): Buffer {
  const size = Buffer.alloc(4);
  size.writeUInt16LE(width, 0);
  size.writeUInt16LE(height, 2);
  return Buffer.concat([Buffer.from('GIF89a', 'latin1'), size, Buffer.from([0, 0, 0])]);
}

const codes = (bytes: Uint8Array) => {
  const result = checkFriendTalkImage(bytes);
  return result.ok ? [] : result.violations.map((v) => v.code);
};

describe('test image buffers', () => {
  it('are parsed by image-size with the intended format and size', () => {
    expect(imageSize(png(800, 600))).toMatchObject({ type: 'png', width: 800, height: 600 });
    expect(imageSize(jpeg(1000, 500))).toMatchObject({ type: 'jpg', width: 1000, height: 500 });
    expect(imageSize(gif(800, 600))).toMatchObject({ type: 'gif', width: 800, height: 600 });
    expect(png(800, 600, IMAGE_MAX_BYTES)).toHaveLength(IMAGE_MAX_BYTES);
  });
});

describe('FriendTalk image check', () => {
  it('accepts a PNG and reports its format, size and byte count', () => {
    const bytes = png(800, 600);
    expect(checkFriendTalkImage(bytes)).toEqual({
      ok: true,
      image: { format: 'png', width: 800, height: 600, bytes: bytes.length },
    });
  });

  it('accepts a JPEG from a Uint8Array', () => {
    const bytes = new Uint8Array(jpeg(720, 720));
    expect(checkFriendTalkImage(bytes)).toMatchObject({ ok: true, image: { format: 'jpeg', width: 720, height: 720 } });
  });

  it('refuses a GIF as a format Kakao does not take', () => {
    const result = checkFriendTalkImage(gif(800, 600));
    expect(result).toEqual({
      ok: false,
      violations: [
        {
          code: 'image_format_not_allowed',
          field: 'contentBase64',
          message: 'The image must be JPEG or PNG; it is GIF.',
          actual: 'gif',
        },
      ],
    });
  });

  it('refuses bytes that are not an image at all (e.g. an HTML error page)', () => {
    expect(checkFriendTalkImage(Buffer.from('<html>Not Found</html>'))).toMatchObject({
      ok: false,
      violations: [{ code: 'image_format_not_allowed', actual: 'unreadable' }],
    });
  });

  it('refuses a JPEG cut off before its size', () => {
    expect(codes(jpeg(800, 600).subarray(0, 12))).toEqual(['image_format_not_allowed']);
  });

  it('accepts exactly 500 KB and refuses one byte more', () => {
    expect(checkFriendTalkImage(png(800, 600, 500 * 1024)).ok).toBe(true);
    const result = checkFriendTalkImage(png(800, 600, 500 * 1024 + 1));
    expect(result).toMatchObject({
      ok: false,
      violations: [{ code: 'image_too_large', limit: 512_000, actual: 512_001 }],
    });
  });

  it('accepts an image exactly 500 px wide and refuses 499 px', () => {
    expect(codes(png(500, 500))).toEqual([]);
    expect(checkFriendTalkImage(png(499, 499))).toMatchObject({
      ok: false,
      violations: [{ code: 'image_too_narrow', limit: 500, actual: 499 }],
    });
  });

  it('accepts exactly 2:1 and refuses anything wider', () => {
    expect(codes(jpeg(1000, 500))).toEqual([]);
    expect(codes(jpeg(1001, 500))).toEqual(['image_aspect_ratio']);
  });

  it('accepts exactly 3:4 and refuses anything taller', () => {
    expect(codes(png(600, 800))).toEqual([]);
    expect(codes(png(600, 801))).toEqual(['image_aspect_ratio']);
  });

  it('names the actual size when the aspect ratio is off', () => {
    expect(checkFriendTalkImage(png(600, 1200))).toMatchObject({
      ok: false,
      violations: [
        {
          code: 'image_aspect_ratio',
          field: 'contentBase64',
          width: 600,
          height: 1200,
          message: expect.stringContaining('600×1200'),
        },
      ],
    });
  });

  it('reports every problem at once', () => {
    expect(codes(gif(400, 1000))).toEqual(['image_format_not_allowed', 'image_too_narrow', 'image_aspect_ratio']);
  });

  it('names the request field the image came from', () => {
    expect(checkFriendTalkImage(gif(800, 600), 'image')).toMatchObject({
      ok: false,
      violations: [{ field: 'image' }],
    });
  });
});
