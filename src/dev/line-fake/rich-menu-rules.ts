/**
 * Rich-menu rules from the LINE reference that the spec does not encode: image format and dimensions
 * (read from the PNG IHDR chunk / JPEG SOFn segment, never trusted from headers) and rich-menu object fields.
 *
 * Invariants: `readImageInfo` never throws; it returns `undefined` for bytes it cannot identify.
 */
import type { ErrorDetail } from './types.js';

export const RICH_MENU_IMAGE = {
  maxBytes: 1024 * 1024,
  minWidth: 800,
  maxWidth: 2500,
  minHeight: 250,
  minAspect: 1.45,
  contentTypes: ['image/png', 'image/jpeg'],
} as const;

export const RICH_MENU_MAX_AREAS = 20;

export interface ImageInfo {
  format: 'png' | 'jpeg';
  width: number;
  height: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Identifies a PNG or JPEG by its magic bytes and reads its pixel dimensions. */
export function readImageInfo(bytes: Buffer): ImageInfo | undefined {
  if (bytes.length >= 24 && bytes.subarray(0, 8).equals(PNG_SIGNATURE) && bytes.toString('latin1', 12, 16) === 'IHDR') {
    return { format: 'png', width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) return readJpegSize(bytes);
  return undefined;
}

/** Walks JPEG marker segments up to the first SOFn (C0–CF except DHT C4, JPG C8, DAC CC). */
function readJpegSize(bytes: Buffer): ImageInfo | undefined {
  let i = 2;
  while (i + 4 <= bytes.length) {
    if (bytes[i] !== 0xff) return undefined;
    const marker = bytes[i + 1] ?? 0;
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      i += 2; // stand-alone markers (TEM, RSTn, SOI) carry no length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return undefined; // EOI / SOS before any frame header
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) {
      if (i + 9 > bytes.length) return undefined;
      return { format: 'jpeg', height: bytes.readUInt16BE(i + 5), width: bytes.readUInt16BE(i + 7) };
    }
    i += 2 + bytes.readUInt16BE(i + 2);
  }
  return undefined;
}

/** Errors for a rich-menu image upload; `[]` when acceptable. `contentType` is the request's header value. */
export function checkRichMenuImage(bytes: Buffer, contentType: string): ErrorDetail[] {
  const declared = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (bytes.length > RICH_MENU_IMAGE.maxBytes) {
    return [{ property: 'body', message: `image is ${bytes.length} bytes; must be at most ${RICH_MENU_IMAGE.maxBytes}` }];
  }
  const info = readImageInfo(bytes);
  if (!info) return [{ property: 'body', message: 'image must be a PNG or JPEG' }];
  if (declared !== `image/${info.format}`) {
    return [{ property: 'Content-Type', message: `declared ${declared || '(none)'} but the image is image/${info.format}` }];
  }
  const details: ErrorDetail[] = [];
  const { width, height } = info;
  if (width < RICH_MENU_IMAGE.minWidth || width > RICH_MENU_IMAGE.maxWidth) {
    details.push({ property: 'width', message: `image width ${width} must be between ${RICH_MENU_IMAGE.minWidth} and ${RICH_MENU_IMAGE.maxWidth}` });
  }
  if (height < RICH_MENU_IMAGE.minHeight) {
    details.push({ property: 'height', message: `image height ${height} must be at least ${RICH_MENU_IMAGE.minHeight}` });
  }
  if (height > 0 && width / height < RICH_MENU_IMAGE.minAspect) {
    details.push({ property: 'aspectRatio', message: `width/height ${(width / height).toFixed(3)} must be at least ${RICH_MENU_IMAGE.minAspect}` });
  }
  return details;
}

/**
 * The rich-menu object's fields are all required in the LINE reference (the spec's `RichMenuRequest` requires
 * none), and `areas` holds at most 20 entries (the spec puts `maxItems: 20` only on `RichMenuResponse`).
 */
export function checkRichMenuObject(body: Record<string, unknown>): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  for (const field of ['size', 'selected', 'name', 'chatBarText', 'areas']) {
    if (body[field] === undefined) details.push({ property: field, message: 'must be specified' });
  }
  const areas = body['areas'];
  if (Array.isArray(areas) && areas.length > RICH_MENU_MAX_AREAS) {
    details.push({ property: 'areas', message: `Size must be between 0 and ${RICH_MENU_MAX_AREAS}` });
  }
  return details;
}
