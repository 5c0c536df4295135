import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/seed/csv.js';

describe('parseCsv', () => {
  it('reads a header and rows, with CRLF or LF and a trailing newline', () => {
    expect(parseCsv('a,b\r\n1,x\r\n2,y\r\n')).toEqual([{ a: '1', b: 'x' }, { a: '2', b: 'y' }]);
    expect(parseCsv('\uFEFFa,b\n1,x')).toEqual([{ a: '1', b: 'x' }]);
  });

  it('rejects quotes and rows of the wrong width', () => {
    expect(() => parseCsv('a,b\n"1,2",x\n')).toThrow(/quoted/);
    expect(() => parseCsv('a,b\n1,2,3\n', 'f.csv')).toThrow(/f.csv line 2/);
    expect(() => parseCsv('')).toThrow(/empty/);
  });
});
