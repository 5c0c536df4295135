import { describe, expect, it } from 'vitest';
import { checkRichMenuImage, readImageInfo } from '../../src/dev/line-fake/rich-menu-rules.js';
import { makeJpegHeader, makePng } from './helpers.js';

describe('readImageInfo', () => {
  it('reads PNG width and height from IHDR', () => {
    expect(readImageInfo(makePng(2500, 1686))).toEqual({ format: 'png', width: 2500, height: 1686 });
  });

  it('reads JPEG width and height from SOF0 after skipping APP0 and comment segments', () => {
    expect(readImageInfo(makeJpegHeader(1200, 810, 1000))).toEqual({ format: 'jpeg', width: 1200, height: 810 });
  });

  it('reads a progressive (SOF2) JPEG but not the DHT marker C4 that shares the range', () => {
    const progressive = makeJpegHeader(1000, 600);
    progressive[progressive.indexOf(0xc0, 4)] = 0xc2;
    const dhtFirst = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xc4, 0x00, 0x06, 0x00, 0x10, 0x00, 0x20]), makeJpegHeader(900, 500).subarray(2)]);

    expect(readImageInfo(progressive)).toEqual({ format: 'jpeg', width: 1000, height: 600 });
    expect(readImageInfo(dhtFirst)).toEqual({ format: 'jpeg', width: 900, height: 500 });
  });

  it('returns undefined for GIF bytes, truncated PNGs and JPEGs without a frame header', () => {
    expect(readImageInfo(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'))).toBeUndefined();
    expect(readImageInfo(makePng(900, 600).subarray(0, 20))).toBeUndefined();
    expect(readImageInfo(Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).toBeUndefined();
  });
});

describe('checkRichMenuImage', () => {
  it('accepts a 2500x843 PNG declared as image/png', () => {
    expect(checkRichMenuImage(makePng(2500, 843), 'image/png')).toEqual([]);
  });

  it('reports width, height and aspect problems together', () => {
    expect(checkRichMenuImage(makePng(300, 240), 'image/png').map((d) => d.property)).toEqual(['width', 'height', 'aspectRatio']);
  });
});
