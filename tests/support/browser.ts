// The bot in local mode (built-in LINE fake, demo data, the browser simulator mounted) on a fresh test database,
// and Debian's Chromium driven by playwright-core. Browser tests skip, saying so, only when Chromium is absent.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { startServices, type Services } from '../../src/services.js';
import { createTestDatabase, type TestDatabase } from './db.js';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`browser tests skipped: ${CHROMIUM} is absent (CI installs it via .ci/run)`);

/** Screenshots for people to look at (gitignored). */
export const ARTIFACTS = path.resolve('tests/.artifacts/simulator');

export function artifact(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}

export interface LocalBot {
  services: Services;
  url: string;
  close(): Promise<void>;
}

/** `npm start` in local mode, on a random port with its LINE fake on another. */
export async function startLocalBot(env: Record<string, string> = {}): Promise<LocalBot> {
  const database: TestDatabase = await createTestDatabase();
  const config = loadConfig({
    DATABASE_URL: database.url,
    PORT: '0',
    LINE_FAKE_PORT: '0',
    CRON: 'off',
    DEMO_DATA: 'yes',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...env,
  });
  const services = await startServices(config, createLogger(config.logLevel));
  return {
    services,
    url: `http://127.0.0.1:${services.port}`,
    async close() {
      await services.close();
      await database.drop();
    },
  };
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** Script errors of every page opened by `phonePage` (a test asserts there were none). */
export const pageErrors: string[] = [];

/** A phone-sized page in its own context (own storage: one person per page). */
export async function phonePage(browser: Browser, width = 390): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 844 }, acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  return page;
}
