// Ports and database names for test and bench processes. On a shared machine each person gets a port range and a
// database-name prefix: TEST_PORTS=41000-41999 and TEST_DB_PREFIX=h1 (defaults: 20000-39999 and "otop").
const range = /^(\d+)-(\d+)$/.exec(process.env.TEST_PORTS ?? '');
const low = range ? Number(range[1]) : 20000;
const high = range ? Number(range[2]) : 39999;

/** A random port of the range (a process started on a taken one fails with a clear message; tests retry nothing). */
export function randomPort(): number {
  return low + Math.floor(Math.random() * (high - low + 1));
}

/** Prefix of the databases tests and benchmarks create (and drop). */
export const DB_PREFIX = process.env.TEST_DB_PREFIX ?? 'otop';
