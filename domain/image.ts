/**
 * The one image of a FriendTalk image message (SPEC §2): JPEG or PNG, at most 500 KB, width at
 * least 500 px, width:height between 2:1 and 3:4. Checked once, from the uploaded bytes (POST /v1/images).
 */
import { imageSize } from 'image-size';
import type { RuleViolation } from './rules';

export const IMAGE_MAX_BYTES = 500 * 1024;
export const IMAGE_MIN_WIDTH = 500;

export type ImageFormat = 'jpeg' | 'png';

export interface ImageInfo {
  format: ImageFormat;
  width: number;
  height: number;
  bytes: number;
}

/** image-size's type names for the formats Kakao takes. */
const ALLOWED: Readonly<Record<string, ImageFormat>> = { jpg: 'jpeg', png: 'png' };

interface Dimensions {
  type: string;
  width: number;
  height: number;
}

/** image-size throws on bytes it cannot parse (unknown or truncated); that is an answer here, not an error. */
function readDimensions(bytes: Uint8Array): Dimensions | undefined {
  try {
    const { type = 'unknown', width, height } = imageSize(bytes);
    return { type, width, height };
  } catch {
    return undefined;
  }
}

/** Width:height within [3:4, 2:1], in integers so 3:4 and 2:1 themselves pass exactly. */
const aspectAllowed = (width: number, height: number) => 4 * width >= 3 * height && width <= 2 * height;

function dimensionViolations({ width, height }: Dimensions, field: string): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (width < IMAGE_MIN_WIDTH) {
    violations.push({
      code: 'image_too_narrow',
      field,
      message: `The image is ${width} px wide; it must be at least ${IMAGE_MIN_WIDTH} px wide.`,
      limit: IMAGE_MIN_WIDTH,
      actual: width,
    });
  }
  if (!aspectAllowed(width, height)) {
    violations.push({
      code: 'image_aspect_ratio',
      field,
      message: `The image is ${width}×${height} px; its width:height must be between 3:4 and 2:1 (e.g. from 600×800 to 1000×500).`,
      width,
      height,
    });
  }
  return violations;
}

/** Checks a FriendTalk image from its bytes; `field` names the request field the image came from. */
export function checkFriendTalkImage(
  bytes: Uint8Array,
  field = 'contentBase64',
): { ok: true; image: ImageInfo } | { ok: false; violations: RuleViolation[] } {
  const violations: RuleViolation[] = [];
  const dimensions = readDimensions(bytes);
  const format = dimensions && ALLOWED[dimensions.type];
  if (format === undefined) {
    const actual = dimensions?.type ?? 'unreadable';
    violations.push({
      code: 'image_format_not_allowed',
      field,
      message: `The image must be JPEG or PNG; it is ${actual === 'unreadable' ? 'not a readable image' : actual.toUpperCase()}.`,
      actual,
    });
  }
  if (bytes.length > IMAGE_MAX_BYTES) {
    violations.push({
      code: 'image_too_large',
      field,
      message: `The image is ${bytes.length} bytes, over the limit of ${IMAGE_MAX_BYTES} bytes (500 KB).`,
      limit: IMAGE_MAX_BYTES,
      actual: bytes.length,
    });
  }
  if (dimensions) violations.push(...dimensionViolations(dimensions, field));
  if (violations.length > 0 || format === undefined || dimensions === undefined) return { ok: false, violations };
  return { ok: true, image: { format, width: dimensions.width, height: dimensions.height, bytes: bytes.length } };
}
