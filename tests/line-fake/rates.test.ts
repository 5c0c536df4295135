// The fake's rate meter: requests per endpoint per wall-clock second, the busiest second, the largest multicast.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { startLineFake, type LineFake } from '../../src/dev/line-fake/index.js';
import { RateMeter } from '../../src/dev/line-fake/rate-meter.js';
import { rawPost, rawPush, text, USER_A, USER_B } from './helpers.js';

const fake: LineFake = await startLineFake();
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe('rate meter', () => {
  it('keeps the busiest second per endpoint, with a clock', () => {
    let t = 10_000;
    const m = new RateMeter(() => t);
    for (const at of [10_000, 10_400, 10_999, 11_000, 12_500, 12_600]) {
      t = at;
      m.record('push', 1);
    }
    t = 12_700;
    m.record('multicast', 500);
    expect(m.snapshot()).toEqual({
      push: { total: 6, peakPerSecond: 3, peakAt: new Date(10_000).toISOString(), maxRecipients: 1 },
      multicast: { total: 1, peakPerSecond: 1, peakAt: new Date(12_000).toISOString(), maxRecipients: 500 },
    });
  });

  it('GET /__fake/rates reports what the fake received, rejected requests included, and reset forgets it', async () => {
    await rawPush(fake, [text('1')]);
    await rawPush(fake, [text('2')]);
    await rawPush(fake, []); // rejected, still a request
    await rawPost(fake, '/v2/bot/message/multicast', { to: [USER_A, USER_B], messages: [text('m')] });
    const rates = (await (await fetch(`${fake.url}/__fake/rates`)).json()) as Record<string, { total: number; peakPerSecond: number; maxRecipients: number }>;
    expect(rates.push?.total).toBe(3);
    expect(rates.push?.peakPerSecond).toBeGreaterThanOrEqual(1); // the busiest second itself: the clocked test above
    expect(rates.push?.peakPerSecond).toBeLessThanOrEqual(3);
    expect(rates.push?.maxRecipients).toBe(1);
    expect(rates.multicast).toMatchObject({ total: 1, peakPerSecond: 1, maxRecipients: 2 });
    expect(fake.rates()).toEqual(rates);
    fake.reset();
    expect(fake.rates()).toEqual({});
  });
});
