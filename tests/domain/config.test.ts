import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, LOCAL_CHANNEL_SECRET } from '../../src/config.js';

describe('configuration', () => {
  it('with no LINE credentials it is local mode: embedded database, the built-in fake, demo data', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ localMode: true, databaseUrl: null, port: 3000, demoData: true });
    expect(c.line).toMatchObject({ channelSecret: LOCAL_CHANNEL_SECRET, apiBaseUrl: 'http://127.0.0.1:3001' });
  });

  it('with credentials and DATABASE_URL it talks to LINE and that server, without demo data', () => {
    const c = loadConfig({ LINE_CHANNEL_SECRET: 's', LINE_CHANNEL_ACCESS_TOKEN: 't', DATABASE_URL: 'postgresql://u@db:5432/otop', PUBLIC_BASE_URL: 'https://otop.example.org/' });
    expect(c).toMatchObject({ localMode: false, databaseUrl: 'postgresql://u@db:5432/otop', demoData: false, publicBaseUrl: 'https://otop.example.org' });
    expect(c.line).toMatchObject({ apiBaseUrl: 'https://api.line.me', dataApiBaseUrl: 'https://api-data.line.me' });
  });

  it.each([
    [{ LINE_CHANNEL_SECRET: 's' }, 'LINE_CHANNEL_ACCESS_TOKEN'],
    [{ LINE_CHANNEL_ACCESS_TOKEN: 't' }, 'LINE_CHANNEL_SECRET'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ LINE_API_BASE_URL: 'ftp://x' }, 'LINE_API_BASE_URL'],
    [{ PUBLIC_BASE_URL: 'not a url' }, 'PUBLIC_BASE_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ REMINDER_PROGRESS_DAY: '31' }, 'REMINDER_PROGRESS_DAY'],
  ])('refuses %o naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });

  it('the target-progress day is the 15th unless REMINDER_PROGRESS_DAY says otherwise', () => {
    expect(loadConfig({}).reminderProgressDay).toBe(15);
    expect(loadConfig({ REMINDER_PROGRESS_DAY: '20' }).reminderProgressDay).toBe(20);
  });
});
