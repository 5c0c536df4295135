import { afterEach, describe, expect, it, vi } from 'vitest';
import { HELP_OPTION, readCliArgs } from '../../src/cli/cli-args.js';

class Failed extends Error {}
const fail = (msg: string): never => {
  throw new Failed(msg);
};
const config = { options: { ...HELP_OPTION, month: { type: 'string' } }, allowPositionals: true, strict: true } as const;

describe('CLI arguments', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads known options and positionals', () => {
    const { values, positionals } = readCliArgs({ ...config, args: ['show', '--month', '2026-11'] }, 'usage', fail);
    expect(values.month).toBe('2026-11');
    expect(positionals).toEqual(['show']);
  });

  it.each([['--bogus'], ['--month'], ['-x']])('%s: one Thai line naming the problem, no stack trace', (arg) => {
    let caught: unknown;
    try {
      readCliArgs({ ...config, args: [arg] }, 'usage', fail);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(Failed);
    const msg = (caught as Error).message;
    expect(msg).toMatch(/^ตัวเลือกไม่ถูกต้อง \(/);
    expect(msg).toContain(arg);
    expect(msg).not.toContain('To specify a positional');
  });

  it('--help and -h print the usage and exit 0', () => {
    for (const arg of ['--help', '-h']) {
      const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
      const exit = vi.spyOn(process, 'exit').mockImplementation(((code?: number) => {
        throw new Failed(`exit ${code}`);
      }) as never);
      expect(() => readCliArgs({ ...config, args: [arg] }, 'the usage text', fail)).toThrow('exit 0');
      expect(log).toHaveBeenCalledWith('the usage text');
      exit.mockRestore();
      log.mockRestore();
    }
  });
});
