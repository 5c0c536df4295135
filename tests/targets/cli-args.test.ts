// The command line refuses bad arguments before touching any database, in Thai, with the help text.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { HELP, parseTargetsArgs } from '../../src/cli/targets/args.js';

const run = (...args: string[]) => {
  const r = spawnSync('node_modules/.bin/tsx', ['src/cli/targets.ts', ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

// The real command is started twice (tsx takes seconds, far more on a loaded machine); every other refusal is
// checked on the same parser in-process.
describe('npm run targets -- arguments', { timeout: 120_000 }, () => {
  it('--help explains every command in Thai and English', () => {
    const r = run('--help');
    expect(r.code).toBe(0);
    for (const s of ['import <file.csv|file.xlsx> --fy', 'ทั้งไฟล์หรือไม่เลย', 'all or nothing', 'show --fy', 'default 2,3,5', 'estimates import <file.csv|file.xlsx>', 'estimates split', 'remainder to the earliest months']) expect(r.out).toContain(s);
  });

  it('the command refuses with exit code 2, the Thai reason and the help, before opening any database', () => {
    const r = run('show', '--fy', '70');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--fy ต้องเป็นปี พ.ศ. เช่น 2570');
    expect(r.err).toContain(HELP);
  });

  it('good arguments pass the parser', () => {
    expect(parseTargetsArgs(['import', 'x.csv', '--fy', '2570', '--round', '1'])).toMatchObject({ kind: 'ok', args: { command: 'import', file: 'x.csv', fy: 2570, round: '1' } });
    expect(parseTargetsArgs(['estimates', 'split', '--fy', '2563', '--province', 'พะเยา', '--from', '2020-06'])).toMatchObject({ kind: 'ok', args: { sub: 'split', from: '2020-06' } });
    expect(parseTargetsArgs([])).toEqual({ kind: 'help' });
  });

  it.each([
    [['import', 'x.csv'], 'ต้องระบุ --fy (ปี พ.ศ.)'],
    [['import', '--fy', '2570'], 'ต้องระบุไฟล์ .csv หรือ .xlsx'],
    [['show', '--fy', '2570', '--round', '3'], '--round ต้องเป็น full, 1 หรือ 2'],
    [['show', '--fy', '70'], '--fy ต้องเป็นปี พ.ศ. เช่น 2570'],
    [['import', 'x.csv', '--fy', '2570', '--scores', '2,3'], '--scores ต้องเป็นตัวเลข 3 ตัว เช่น 2,3,5'],
    [['remove'], 'คำสั่งต้องเป็น import, list, show หรือ estimates'],
    [['estimates', 'delete', '--fy', '2563', '--province', 'พะเยา'], 'estimates ต้องตามด้วย import, split หรือ show'],
    [['estimates', 'import', '--fy', '2563', '--province', 'พะเยา'], 'ต้องระบุไฟล์ .csv หรือ .xlsx'],
    [['estimates', 'split', '--fy', '2563'], 'estimates ต้องระบุ --province'],
    [['estimates', 'split', '--fy', '2563', '--province', 'พะเยา', '--from', '2563-6'], '--from ต้องเป็นเดือน YYYY-MM'],
    [['list', '--fiscal', '2570'], 'ไม่รู้จักตัวเลือก --fiscal'],
  ])('%j is refused: %s', (args, message) => {
    const r = parseTargetsArgs(args);
    expect(r.kind).toBe('refused');
    expect(r.kind === 'refused' && r.message).toContain(message);
  });
});
