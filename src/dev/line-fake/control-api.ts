/**
 * The fake's own control endpoints under /__fake/ (not LINE's API, never recorded as LINE requests), used by the
 * terminal chat client to act as the LINE app: get a reply token for an event it is about to send, and read what
 * the bot sent to a user.
 *
 *   POST /__fake/reply-token {"userId":"U…"}     → {"replyToken":"…"}
 *   GET  /__fake/messages?to=U…&from=N           → {"messages":[…], "next": N2}
 *   GET  /__fake/rates                           → {"push": {"total", "peakPerSecond", "peakAt", "maxRecipients"}, …}
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EndpointRate } from './rate-meter.js';

export interface ControlDeps {
  issueReplyToken(lineUserId: string): string;
  messagesTo(lineUserId: string): unknown[];
  rates(): Record<string, EndpointRate>;
}

export const CONTROL_PREFIX = '/__fake/';

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

export function handleControl(deps: ControlDeps, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://fake');
  if (req.method === 'GET' && url.pathname === '/__fake/messages') {
    const to = url.searchParams.get('to') ?? '';
    const from = Math.max(0, Number(url.searchParams.get('from') ?? 0) || 0);
    const all = deps.messagesTo(to);
    json(res, 200, { messages: all.slice(from), next: all.length });
    return;
  }
  if (req.method === 'GET' && url.pathname === '/__fake/rates') {
    json(res, 200, deps.rates());
    return;
  }
  if (req.method === 'POST' && url.pathname === '/__fake/reply-token') {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        const { userId } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { userId?: unknown };
        if (typeof userId !== 'string' || !userId) return json(res, 400, { message: 'userId required' });
        json(res, 200, { replyToken: deps.issueReplyToken(userId) });
      } catch {
        json(res, 400, { message: 'body must be JSON' });
      }
    });
    return;
  }
  json(res, 404, { message: 'unknown control endpoint' });
}
