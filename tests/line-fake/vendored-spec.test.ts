import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const vendored = new URL('../../vendor/line-openapi/messaging-api.yml', import.meta.url);
const shared = new URL('../../../shared/line-openapi/messaging-api.yml', import.meta.url);

describe('the vendored LINE spec', () => {
  it('is the official messaging-api.yml, unedited', () => {
    const text = readFileSync(vendored, 'utf8');
    expect(text).toContain('title: LINE Messaging API');
    if (existsSync(shared)) expect(readFileSync(vendored)).toEqual(readFileSync(shared));
  });
});
