// The express app: POST /webhook (raw body, signature first), liveness and readiness checks, error middleware.
import express, { type ErrorRequestHandler } from 'express';
import type { BotEvent } from '../bot/events.js';
import type { Logger } from '../bot/dispatcher.js';
import { parseWebhook } from '../line/webhook.js';

export interface AppDeps {
  channelSecret: string;
  /** Records the events durably; the webhook answers 200 only after this resolves. */
  receive(events: BotEvent[]): Promise<void>;
  log: Logger;
  /** Readiness: null when ready, else the reason (database unreachable, migrations pending, stopping). */
  notReady?: () => Promise<string | null>;
  /** Extra routes (e.g. report downloads), mounted after the webhook. */
  routes?: (app: express.Express) => void;
}

/** Largest webhook body accepted (express/bytes notation). */
export const WEBHOOK_BODY_LIMIT = '2mb';

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  // No JSON parser before this route: the signature covers the exact bytes. A body over the limit is 413 (LINE's
  // own bodies are far smaller), an unreadable one 400: answered here, not by the error middleware's 500.
  const rawBody = express.raw({ type: () => true, limit: WEBHOOK_BODY_LIMIT });
  const readBody: express.RequestHandler = (req, res, next) =>
    rawBody(req, res, (err?: { status?: number; type?: string }) => {
      if (!err) return next();
      const tooLarge = err.status === 413 || err.type === 'entity.too.large';
      res.status(tooLarge ? 413 : 400).json({ message: tooLarge ? `body over ${WEBHOOK_BODY_LIMIT}` : 'unreadable body' });
    });
  app.post('/webhook', readBody, async (req, res, next) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const parsed = parseWebhook(raw, req.get('x-line-signature'), deps.channelSecret);
    if (!parsed.ok) {
      res.status(parsed.status).json({ message: parsed.message });
      return;
    }
    // Malformed events are dropped one by one (LINE would redeliver the same body forever); the good ones go on.
    for (const d of parsed.dropped) deps.log.warn('webhook event dropped', { index: d.index, event: d.id, problem: d.problem });
    try {
      await deps.receive(parsed.events);
      res.status(200).json({});
    } catch (err) {
      next(err); // 500: LINE redelivers (when redelivery is on); the inbox dedupes
    }
  });

  /** Liveness: the process answers. */
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  /** Readiness: 503 while events cannot be taken (database unreachable, migrations pending, stopping). */
  app.get('/readyz', async (_req, res) => {
    const reason = deps.notReady ? await deps.notReady().catch((e: unknown) => String(e)) : null;
    if (reason) res.status(503).json({ ok: false, reason });
    else res.json({ ok: true });
  });

  deps.routes?.(app);

  const onError: ErrorRequestHandler = (err, req, res, _next) => {
    deps.log.error('http error', { path: req.path, err: String(err?.stack ?? err) });
    if (!res.headersSent) res.status(500).json({ message: 'internal error' });
  };
  app.use(onError);
  return app;
}
