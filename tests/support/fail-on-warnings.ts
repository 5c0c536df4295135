// Every test file fails on pg's "already executing a query" warning: two queries at once on one client become an
// error in pg 9 (issue 7 #26). Registered for every file by vitest.config.ts (setupFiles).
import { afterAll, expect } from 'vitest';

const seen: string[] = [];
process.on('warning', (w) => {
  if (/already executing a query/.test(w.message)) seen.push(`${w.message}\n${w.stack ?? ''}`);
});
afterAll(() => {
  expect(seen, 'pg ran two queries at once on one client').toEqual([]);
});
