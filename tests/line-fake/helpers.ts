/**
 * Shared fixtures for the LINE fake tests: SDK clients bound to a fake, raw HTTP helpers, message builders and
 * real PNG / header-only JPEG images of a chosen size.
 */
import { deflateSync } from 'node:zlib';
import { HTTPFetchError, messagingApi } from '@line/bot-sdk';
import { expect } from 'vitest';
import type { ErrorDetail, LineFake } from '../../src/dev/line-fake/index.js';

export const TOKEN = 'test-channel-access-token';
export const USER_A = `U${'a'.repeat(32)}`;
export const USER_B = `U${'b'.repeat(32)}`;
export const RETRY_KEY = '123e4567-e89b-12d3-a456-426614174000';

export function clients(fake: LineFake): { api: messagingApi.MessagingApiClient; blob: messagingApi.MessagingApiBlobClient } {
  return {
    api: new messagingApi.MessagingApiClient({ channelAccessToken: TOKEN, baseURL: fake.url }),
    blob: new messagingApi.MessagingApiBlobClient({ channelAccessToken: TOKEN, baseURL: fake.url }),
  };
}

export interface RawResponse {
  status: number;
  headers: Headers;
  body: { message?: string; details?: ErrorDetail[]; sentMessages?: { id: string; quoteToken?: string }[] } & Record<string, unknown>;
}

/** POSTs any JSON (even what SDK types forbid) with the test token, unless `headers` overrides authorization. */
export async function rawPost(fake: LineFake, path: string, body: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  const res = await fetch(`${fake.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as RawResponse['body'] };
}

export const rawPush = (fake: LineFake, messages: unknown[], headers?: Record<string, string>): Promise<RawResponse> =>
  rawPost(fake, '/v2/bot/message/push', { to: USER_A, messages }, headers);

/** Awaits an SDK call that must fail and returns the parsed LINE error body after checking the status. */
export async function expectLineError(call: Promise<unknown>, status: number): Promise<RawResponse['body']> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the request should have been rejected').toBeInstanceOf(HTTPFetchError);
  const fetchError = error as HTTPFetchError;
  expect(fetchError.status).toBe(status);
  expect(fetchError.headers.get('x-line-request-id')).toBeTruthy();
  return JSON.parse(fetchError.body) as RawResponse['body'];
}

/** Asserts a 400 whose `details` name exactly `property` (among possibly others). */
export function expectDetail(response: RawResponse, property: string): void {
  expect(response.status).toBe(400);
  expect(response.body.details?.map((d) => d.property)).toContain(property);
}

export const text = (value: string): messagingApi.TextMessage => ({ type: 'text', text: value });

export function quickReplyItems(count: number, label = 'เลือก'): messagingApi.QuickReplyItem[] {
  return Array.from({ length: count }, (_, i) => ({
    type: 'action',
    action: { type: 'postback', label: `${label}${i}`.slice(0, 20), data: `v1|pick|${i}` },
  }));
}

/** A realistic "confirm monthly sales" bubble (Thai text, postback buttons). */
export function salesBubble(extraText = ''): messagingApi.FlexBubble {
  return {
    type: 'bubble',
    body: {
      type: 'box',
      layout: 'vertical',
      contents: [
        { type: 'text', text: 'ยืนยันยอดขายเดือนตุลาคม', weight: 'bold', size: 'lg' },
        { type: 'text', text: `ยอดขาย 12,500 บาท${extraText}`, wrap: true },
      ],
    },
    footer: {
      type: 'box',
      layout: 'horizontal',
      contents: [
        { type: 'button', style: 'primary', action: { type: 'postback', label: 'ยืนยัน', data: 'v1|confirm|d-42' } },
        { type: 'button', style: 'secondary', action: { type: 'postback', label: 'แก้ไข', data: 'v1|edit|d-42' } },
      ],
    },
  };
}

export const flex = (contents: unknown, altText = 'ยืนยันยอดขาย'): Record<string, unknown> => ({ type: 'flex', altText, contents });

/** A bubble whose compact JSON is exactly `bytes` UTF-8 bytes (padded with ASCII in the second text). */
export function bubbleOfBytes(bytes: number): messagingApi.FlexBubble {
  const base = Buffer.byteLength(JSON.stringify(salesBubble()), 'utf8');
  const bubble = salesBubble('x'.repeat(bytes - base));
  expect(Buffer.byteLength(JSON.stringify(bubble), 'utf8')).toBe(bytes);
  return bubble;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A complete, decodable grayscale PNG of the given size. */
export function makePng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // bit depth 8, grayscale, deflate, no filter, no interlace
  const raw = Buffer.alloc((width + 1) * height); // filter byte 0 + black pixels per row
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** JPEG markers up to the frame header: SOI, APP0 (JFIF), a DQT-sized filler segment, SOF0 with the size, EOI. */
export function makeJpegHeader(width: number, height: number, padding = 0): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  const comment = Buffer.concat([Buffer.from([0xff, 0xfe]), u16(padding + 2), Buffer.alloc(padding, 0x20)]);
  const sof0 = Buffer.concat([Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08]), u16(height), u16(width), Buffer.from([3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1])]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, comment, sof0, Buffer.from([0xff, 0xd9])]);
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
}
