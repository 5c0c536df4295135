// A gate between the bot and the LINE fake: forwards every request unchanged, except that while closed it holds
// requests (a slow LINE), or drops them unanswered (a LINE the process never heard back from). Tests use it to
// put the bot at a chosen moment: answers committed, LINE not reached yet.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LineGate {
  url: string;
  /** Requests received while closed and not yet forwarded. */
  held(): number;
  close(): void;
  /** Forwards what is held and everything after. */
  open(): void;
  /** Answers what is held by destroying its connection (LINE never saw it). */
  dropHeld(): void;
  stop(): Promise<void>;
}

export async function startLineGate(target: string): Promise<LineGate> {
  let closed = false;
  const waiting: { forward: () => void; drop: () => void }[] = [];
  const forward = async (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    try {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && k !== 'host' && k !== 'content-length') headers[k] = v;
      const r = await fetch(target + req.url, { method: req.method, headers, body: body.length ? body : undefined });
      const out = Buffer.from(await r.arrayBuffer());
      res.writeHead(r.status, Object.fromEntries([...r.headers].filter(([k]) => k !== 'content-length' && k !== 'transfer-encoding')));
      res.end(out);
    } catch {
      res.destroy();
    }
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (!closed) return void forward(req, res, body);
      waiting.push({ forward: () => void forward(req, res, body), drop: () => res.destroy() });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    held: () => waiting.length,
    close: () => void (closed = true),
    open() {
      closed = false;
      for (const w of waiting.splice(0)) w.forward();
    },
    dropHeld() {
      for (const w of waiting.splice(0)) w.drop();
    },
    stop: () =>
      new Promise<void>((r) => {
        for (const w of waiting.splice(0)) w.drop();
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
