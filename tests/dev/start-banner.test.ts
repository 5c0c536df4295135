// Issue 7 point 28: the start banner names demo users only when they exist, and says how to make the first invite
// codes when the database has no users (an external DATABASE_URL has no demo data).
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startBanner } from '../../src/start-banner.js';

const external = loadConfig({ DATABASE_URL: 'postgresql://u@db/otop', PORT: '0', CRON: 'off' });

describe('start banner', () => {
  it('with an empty external database: no demo users, and how to make the first invite codes', () => {
    const b = startBanner(external, { port: 3000, demoUsers: [], demoInvites: [], boundUsers: 0 });
    expect(b).not.toMatch(/producer\|district/);
    expect(b).toContain('npm run invite -- --role province --province 24');
    expect(b).toContain('--user <any name>');
  });

  it('with the demo: lists the demo users that exist and the demo codes', () => {
    const b = startBanner(external, { port: 3000, demoUsers: ['producer', 'district'], demoInvites: [{ code: 'K7P4-MXQ2', label: 'x' }], boundUsers: 2 });
    expect(b).toContain('--user producer|district|<any new name>');
    expect(b).toContain('K7P4-MXQ2');
    expect(b).not.toContain('npm run invite');
  });
});
