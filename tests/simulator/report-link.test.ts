// A report asked for in the simulator arrives as a card whose link (new tab) downloads the file from the app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { hasChromium, launchChromium, phonePage, startLocalBot, type LocalBot } from '../support/browser.js';
import { openChat, tapLabel, typeLine, waitForBot, WAIT_MS } from '../support/sim-chat.js';

let bot: LocalBot;
let browser: Browser;

beforeAll(async () => {
  if (!hasChromium) return;
  [bot, browser] = await Promise.all([startLocalBot(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await bot?.close();
});

describe.skipIf(!hasChromium)('report links in the simulator', () => {
  it('the district officer asks for รต.2 as PDF; the card link opens in a new tab and downloads the PDF', async () => {
    const page = await phonePage(browser);
    await openChat(page, bot.url, 'district');
    await waitForBot(page, 'ยินดีต้อนรับกลับ');
    await typeLine(page, 'รายงาน');
    await tapLabel(page, 'รต.2');
    const month = page.locator('#quick .chip').first();
    await month.waitFor({ timeout: WAIT_MS });
    await month.click();
    await tapLabel(page, 'PDF');
    const link = page.locator('li.flex a[href*="/reports/"]').last();
    await link.waitFor({ timeout: WAIT_MS });
    expect(await link.getAttribute('target')).toBe('_blank');
    const href = (await link.getAttribute('href'))!;
    const res = await fetch(`${bot.url}${new URL(href).pathname}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/pdf/);
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);
});
