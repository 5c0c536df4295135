// Which database errors mean "the database is away" (restart, failover, dropped connections, pool exhausted while
// it reconnects) rather than "this work is wrong": the former are retried later, never turned into an error reply.

function describe(err: unknown, depth = 0): string {
  if (!err || typeof err !== 'object' || depth > 3) return String(err ?? '');
  const e = err as { code?: unknown; message?: unknown; kind?: unknown; originalCode?: unknown; cause?: unknown };
  return [e.code, e.kind, e.originalCode, e.message, describe(e.cause, depth + 1)].filter(Boolean).join(' ');
}

const CONNECTION =
  /\b57P0[1-3]\b|\b08[0-9A-Z]{3}\b|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|Connection terminated|terminating connection|connection (is )?(closed|refused|ended)|ConnectionClosed|DatabaseNotReachable|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed|the database system is (starting up|shutting down|in recovery mode)|P1001|P1017|P2024|Transaction (already closed|not found)|Can't reach database|not currently accepting connections|database "[^"]*" does not exist/i;

export function isConnectionError(err: unknown): boolean {
  return CONNECTION.test(describe(err));
}
