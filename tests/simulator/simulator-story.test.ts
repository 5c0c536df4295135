// The simulator in real Chromium, as two people in two pages: a new LINE user onboards with an invite code,
// reports last month by tapping the rich menu, chips and card buttons and typing the amounts, and sees the summary
// card; the district officer, in another page, reviews the month and confirms it. Every card shown is saved as a
// screenshot (tests/.artifacts/simulator/) and checked for cut-off or overflowing content.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { artifact, hasChromium, launchChromium, pageErrors, phonePage, startLocalBot, type LocalBot } from '../support/browser.js';
import { layoutProblems } from '../support/flex-layout.js';
import { openChat, tapLabel, tapRichMenu, typeLine, waitForBot, WAIT_MS } from '../support/sim-chat.js';
import { demoLineUserId } from '../../src/seed/demo-users.js';

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

/** Saves every card the page shows and returns the layout problems found on them. */
async function checkCards(page: Page, who: string): Promise<string[]> {
  await page.setViewportSize({ width: 390, height: 3000 }); // tall: a whole card fits in the chat log
  const cards = page.locator('li.flex');
  const problems: string[] = [];
  for (let i = 0; i < (await cards.count()); i++) {
    const card = cards.nth(i);
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: artifact(`story-${who}-${String(i + 1).padStart(2, '0')}.png`) });
    problems.push(...(await layoutProblems(card)).map((p) => `${who} card ${i + 1}: ${p}`));
  }
  return problems;
}

describe.skipIf(!hasChromium)('LINE simulator in the browser', () => {
  it('a new user onboards with a code and reports a month by taps and typing; the district confirms it in another page', async () => {
    const invite = bot.services.demoInvites.find((i) => i.label.startsWith('ผู้ผลิต'))!;
    const producer = await phonePage(browser);
    await openChat(producer, bot.url, 'สมใจ');
    await waitForBot(producer, 'รหัสเชิญ'); // the follow event was sent: the bot asks for an invite code
    await typeLine(producer, invite.code.toLowerCase());
    await waitForBot(producer, 'ยืนยันตัวตนเรียบร้อย');

    // the producer's rich menu, from the image and areas the bot uploaded to the fake
    await tapRichMenu(producer, 'รายงานยอดขาย');
    await waitForBot(producer, 'รายงานยอดขายของเดือนไหนคะ');
    const month = (await producer.locator('#quick .chip').first().textContent())!.trim();
    await tapLabel(producer, month);
    // a producer with one category is not asked which one
    await waitForBot(producer, /ยอดขายของผลิตภัณฑ์ประเภทไหนคะ|พิมพ์ยอดขาย.*เป็นบาท/);
    if (await producer.getByText('ยอดขายของผลิตภัณฑ์ประเภทไหนคะ').count()) {
      await producer.locator('#quick .chip').first().click();
      await waitForBot(producer, /พิมพ์ยอดขาย.*เป็นบาท/);
    }
    await typeLine(producer, 'ในประเทศ 85,000 ออนไลน์ 12,000 ส่งออก 0 ส่งออกออนไลน์ 0');
    // the bot may ask to double-check figures far from last month's before the summary
    const summary = producer.locator('li.flex', { hasText: 'ยืนยัน ส่งข้อมูล' }).last();
    const doubleCheck = producer.locator('#quick .chip', { hasText: 'ใช่ ถูกต้อง' });
    await summary.or(doubleCheck).first().waitFor({ timeout: WAIT_MS });
    if (await doubleCheck.isVisible()) await doubleCheck.click();
    await summary.waitFor({ timeout: WAIT_MS });
    await expect(summary.innerText()).resolves.toContain('97,000');
    await tapLabel(producer, 'ยืนยัน ส่งข้อมูล');
    await waitForBot(producer, 'บันทึกยอดขายเรียบร้อยแล้ว');
    await expect(producer.locator('li.from-me', { hasText: 'ยืนยัน' }).last()).toBeDefined();

    const user = await bot.services.db.user.findUniqueOrThrow({ where: { lineUserId: demoLineUserId('สมใจ') } });
    const entry = await bot.services.db.salesEntry.findFirstOrThrow({ where: { producerId: user.producerId! }, orderBy: { id: 'desc' } });
    expect(entry).toMatchObject({ status: 'SUBMITTED', domesticOffline: 85_000_00n, domesticOnline: 12_000_00n });

    // the district officer of the producer's district, in a second page, confirms it
    const district = await phonePage(browser);
    await openChat(district, bot.url, 'district');
    await waitForBot(district, 'ยินดีต้อนรับกลับ');
    // the loading animation the bot starts through LINE's API shows until its next message
    await bot.services.line.showLoading(demoLineUserId('district'));
    await district.locator('li.typing').waitFor({ timeout: WAIT_MS });
    await tapRichMenu(district, 'ตรวจสอบ/ยืนยัน');
    const monthChip = district.locator('#quick .chip', { hasText: month });
    const overview = district.locator('li.flex [role=button]', { hasText: 'ดูรายการ' }).last();
    await monthChip.or(overview).first().waitFor({ timeout: WAIT_MS });
    if (await monthChip.isVisible()) await monthChip.click();
    await tapLabel(district, 'ดูรายการ');
    await district.locator('li.typing').waitFor({ state: 'detached', timeout: WAIT_MS });
    await waitForBot(district, 'แปดริ้วฟู้ดโปรดักส์');
    await tapLabel(district, 'ยืนยันทั้งหมด');
    // typed or tapped, "ยืนยันทั้งหมด" only previews: the preview card's button confirms
    const ok = district.locator('li.flex [role=button]', { hasText: /ยืนยันแม้ยังไม่ครบ|ยืนยัน \d+ รายการ/ }).last();
    await ok.waitFor({ timeout: WAIT_MS });
    await ok.click();
    await waitForBot(district, /ยืนยัน.*แล้ว/);
    await expect.poll(async () => (await bot.services.db.salesEntry.findUniqueOrThrow({ where: { id: entry.id } })).status).toBe('DISTRICT_CONFIRMED');

    await producer.screenshot({ path: artifact('story-producer-page.png') });
    await district.screenshot({ path: artifact('story-district-page.png') });
    const problems = [...(await checkCards(producer, 'producer')), ...(await checkCards(district, 'district'))];
    expect(problems).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(bot.services.fake!.rejected()).toEqual([]);
  }, 150_000); // a whole month's story through a real browser, on a shared machine
});
