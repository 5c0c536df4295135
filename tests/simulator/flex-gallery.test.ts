// Every Flex template (flex-templates/*.json) and every example card (src/line/flex/examples.ts, through the real
// builders) drawn by the simulator's renderer in Chromium at phone width: saved as screenshots for people to look at
// (tests/.artifacts/simulator/), and checked for what LINE would not show (text cut off, labels shortened, content
// sticking out of the bubble). Also what the wrapper around flex-render fixes: escaping and real, keyboard-operable
// buttons instead of alert() handlers.
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import * as examples from '../../src/line/flex/examples.js';
import { renderCard } from '../../src/line/render.js';
import type { Card } from '../../src/bot/cards.js';
import { artifact, hasChromium, launchChromium, pageErrors, phonePage, startLocalBot, type LocalBot } from '../support/browser.js';
import { layoutProblems } from '../support/flex-layout.js';

// Browser globals inside page.evaluate (the project's type check has no DOM lib).
declare const document: any; // eslint-disable-line @typescript-eslint/no-explicit-any
declare const window: any; // eslint-disable-line @typescript-eslint/no-explicit-any

let bot: LocalBot;
let browser: Browser;
let page: Page;

function gallery(): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const file of readdirSync('flex-templates').filter((f) => f.endsWith('.json')).sort()) {
    const json = JSON.parse(readFileSync(`flex-templates/${file}`, 'utf8')) as { type?: string };
    if (json.type === 'bubble' || json.type === 'carousel') out.push([`template-${file.replace(/\.json$/, '')}`, json]);
  }
  for (const [name, value] of Object.entries(examples)) {
    let c: unknown = value;
    if (typeof value === 'function') {
      try {
        c = (value as (n: number) => unknown)(12); // example factories take a count
      } catch {
        continue;
      }
    }
    if (c && typeof c === 'object' && 'kind' in c) out.push([`example-${name}`, renderCard(c as Card).contents]);
  }
  return out;
}

/** Draws `container` as a bot message row in the simulator page; returns the row's index. */
function draw(container: unknown): Promise<number> {
  return page.evaluate(async (json) => {
    const li = document.createElement('li');
    li.className = 'msg from-bot flex';
    li.append(window.renderFlex(json, (a: unknown) => ((window as unknown as { tapped: unknown[] }).tapped ??= []).push(a)));
    document.getElementById('log')!.append(li);
    return document.querySelectorAll('#log li.flex').length - 1;
  }, container);
}

beforeAll(async () => {
  if (!hasChromium) return;
  [bot, browser] = await Promise.all([startLocalBot({ DEMO_DATA: 'no' }), launchChromium()]);
  page = await phonePage(browser);
  await page.setViewportSize({ width: 390, height: 3000 }); // tall: a whole card fits in the chat log
  await page.goto(`${bot.url}/simulator`);
  // the page's own renderer module, reachable from the test's evaluate calls
  await page.addScriptTag({ type: 'module', content: "import { renderFlex } from '/simulator/flex.js'; window.renderFlex = renderFlex;" });
  await page.waitForFunction(() => typeof window.renderFlex === 'function');
  await page.evaluate(() => document.fonts.ready);
});
afterAll(async () => {
  await browser?.close();
  await bot?.close();
});

describe.skipIf(!hasChromium)('Flex cards as the simulator draws them', () => {
  it('every template and example card fits its bubble: nothing cut off or sticking out', async () => {
    const cards = gallery();
    expect(cards.length).toBeGreaterThanOrEqual(5);
    const problems: string[] = [];
    for (const [name, container] of cards) {
      const row = page.locator('#log li.flex').nth(await draw(container));
      await row.screenshot({ path: artifact(`${name}.png`) });
      problems.push(...(await layoutProblems(row)).map((p) => `${name}: ${p}`));
      const widths = await row.locator('.T1').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
      for (const w of widths) expect(w, `${name} bubble width`).toBeLessThanOrEqual(300); // mega: 300px max
    }
    expect(problems).toEqual([]);
    expect(await page.evaluate(() => document.fonts.check('16px Sarabun', 'ก'))).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it('texts are shown as written, and card buttons are real controls a keyboard can press', async () => {
    const row = page.locator('#log li.flex').nth(
      await draw({
        type: 'bubble',
        body: { type: 'box', layout: 'vertical', contents: [{ type: 'text', text: '<b>ยอด</b> & "ภาษี" <img src=x onerror=alert(1)>', wrap: true }] },
        footer: {
          type: 'box',
          layout: 'vertical',
          contents: [
            { type: 'button', action: { type: 'postback', label: 'ยืนยัน <ตกลง>', data: '1|x|a=1', displayText: 'ยืนยัน' } },
            { type: 'button', action: { type: 'uri', label: 'ดาวน์โหลด รต.1', uri: '/reports/abc' } },
          ],
        },
      }),
    );
    await expect(row.locator('.MdTxt').innerText()).resolves.toBe('<b>ยอด</b> & "ภาษี" <img src=x onerror=alert(1)>');
    expect(await row.locator('img, [onclick]').count()).toBe(0);
    const confirm = row.locator('[role=button]', { hasText: 'ยืนยัน <ตกลง>' });
    await confirm.focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (window as unknown as { tapped: unknown[] }).tapped)).toEqual([
      { type: 'postback', label: 'ยืนยัน <ตกลง>', data: '1|x|a=1', displayText: 'ยืนยัน' },
    ]);
    const link = row.locator('a', { hasText: 'ดาวน์โหลด รต.1' });
    expect(await link.getAttribute('href')).toBe('/reports/abc');
    expect(await link.getAttribute('target')).toBe('_blank');
  });

  it('the layout check sees a text cut off and a label shortened (LINE draws "…")', async () => {
    const long = 'กลุ่มวิสาหกิจชุมชนแม่บ้านเกษตรกรบ้านหนองบัวทองพัฒนาแปรรูปสมุนไพร';
    const row = page.locator('#log li.flex').nth(
      await draw({
        type: 'bubble',
        size: 'micro',
        body: { type: 'box', layout: 'vertical', contents: [{ type: 'text', text: long }] },
        footer: { type: 'box', layout: 'vertical', contents: [{ type: 'button', action: { type: 'message', label: long.slice(0, 20), text: 'x' } }] },
      }),
    );
    const found = await layoutProblems(row);
    expect(found).toEqual(
      expect.arrayContaining([`text cut off: "${long.slice(0, 60)}"`, `button label cut off: "${long.slice(0, 20)}"`]),
    );
  });
});
