// A person using the simulator page, the way they would: read the bot's bubbles, type and press Enter, tap
// quick-reply chips, card buttons and rich-menu areas. Waits are on what appears on screen, never on time.
import type { Locator, Page } from 'playwright-core';

export const WAIT_MS = 15_000;

/** The bot's rows that contain `text` (newest last). */
export const botSays = (page: Page, text: string | RegExp): Locator => page.locator('li.from-bot', { hasText: text });

/** Waits until the bot has shown a row containing `text`; returns that (newest) row. */
export async function waitForBot(page: Page, text: string | RegExp): Promise<Locator> {
  const row = botSays(page, text).last();
  await row.waitFor({ timeout: WAIT_MS });
  return row;
}

/** Types a line in the composer and sends it with the Enter key. */
export async function typeLine(page: Page, line: string): Promise<void> {
  await page.locator('#text').fill(line);
  await page.locator('#text').press('Enter');
}

/** Taps the newest chip or card button whose label is exactly `label`. */
export async function tapLabel(page: Page, label: string | RegExp): Promise<void> {
  const exact = typeof label === 'string' ? new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) : label;
  const target = page.locator('#quick .chip, li.flex [role=button]').filter({ hasText: exact }).last();
  await target.waitFor({ timeout: WAIT_MS });
  await target.click();
}

/** Taps the rich-menu area labelled `label`. */
export async function tapRichMenu(page: Page, label: string): Promise<void> {
  const area = page.locator(`.menu-area[aria-label="${label}"]`);
  await area.waitFor({ timeout: WAIT_MS });
  await area.click();
}

/** Opens the chat of `name` and waits for the first answer of the bot. */
export async function openChat(page: Page, baseUrl: string, name: string): Promise<void> {
  await page.goto(`${baseUrl}/simulator?user=${encodeURIComponent(name)}`);
  await page.locator('body[data-ready="yes"]').waitFor({ timeout: WAIT_MS });
}
