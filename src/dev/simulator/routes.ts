/**
 * The browser LINE chat simulator, mounted on the bot's own express app in local mode only (services.ts mounts it
 * only when the built-in LINE fake runs, so it cannot exist beside a real LINE channel).
 *
 *   GET  /simulator                                  the page (static files of ./public, vanilla JS, no build)
 *   GET  /simulator/api/people                       ready demo users and the demo invite codes
 *   POST /simulator/api/chats/:name/events           what the person did → signed webhook → POST /webhook
 *   GET  /simulator/api/chats/:name/stream           server-sent events: history, then what the bot sends live
 *   GET  /simulator/api/chats/:name/rich-menu        the menu linked to the user (or the default), tap areas
 *   GET  /simulator/api/rich-menus/:id/image         the image the bot uploaded for that menu
 *
 * Invariants: the channel secret never leaves the server; every event goes through the real /webhook with a
 * reply token issued by the fake, like LINE's; a chat is a LINE user id derived from a name (`demoLineUserId`).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { z } from 'zod';
import type { LineFake } from '../line-fake/index.js';
import { DEMO_USERS, demoLineUserId } from '../../seed/demo-users.js';
import type { SimulatorHub } from './hub.js';
import { PersonAction, signedWebhook } from './webhook-event.js';

export interface SimulatorDeps {
  fake: LineFake;
  hub: SimulatorHub;
  channelSecret: string;
  demoInvites: { code: string; label: string }[];
}

const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));
const require = createRequire(import.meta.url);
const FLEX_RENDER_DIR = path.dirname(require.resolve('flex-render'));
const SARABUN_DIR = path.dirname(require.resolve('@expo-google-fonts/sarabun'));
const Name = z.string().trim().min(1).max(40);
const HEARTBEAT_MS = 15_000;

export function mountSimulator(app: express.Express, deps: SimulatorDeps): void {
  const router = express.Router();
  const userOf = (req: express.Request): string | null => {
    const name = Name.safeParse(req.params['name']);
    return name.success ? demoLineUserId(name.data) : null;
  };

  router.get('/api/people', (_req, res) => {
    res.json({
      demo: Object.entries(DEMO_USERS).map(([name, u]) => ({ name, displayName: u.displayName, role: u.role })),
      invites: deps.demoInvites.map(({ code, label }) => ({ code, label })),
    });
  });

  router.post('/api/chats/:name/events', express.json({ limit: '16kb' }), async (req, res, next) => {
    const userId = userOf(req);
    const action = PersonAction.safeParse(req.body);
    if (!userId || !action.success) {
      res.status(400).json({ message: 'bad chat name or action' });
      return;
    }
    if (action.data.type === 'follow') deps.fake.setProfile(userId, { displayName: String(req.params['name']) });
    const { body, signature } = signedWebhook(action.data, userId, deps.fake.issueReplyToken(userId), deps.channelSecret);
    try {
      const answer = await fetch(`http://127.0.0.1:${req.socket.localPort}/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-line-signature': signature },
        body,
      });
      res.status(answer.status === 200 ? 202 : 502).json({ webhookStatus: answer.status });
    } catch (err) {
      next(err);
    }
  });

  router.get('/api/chats/:name/stream', (req, res) => {
    const userId = userOf(req);
    if (!userId) {
      res.status(400).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
    const send = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    // Subscribe and read the history in the same tick: nothing sent in between can be missed or shown twice.
    const stop = deps.hub.listen(userId, (news) => send(news.kind, news));
    send('history', { messages: deps.fake.messagesTo(userId) });
    const beat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    req.on('close', () => {
      clearInterval(beat);
      stop();
    });
  });

  router.get('/api/chats/:name/rich-menu', (req, res) => {
    const userId = userOf(req);
    const id = userId ? (deps.fake.userRichMenu.get(userId) ?? deps.fake.defaultRichMenuId) : undefined;
    const entry = id ? deps.fake.richMenus.get(id) : undefined;
    res.json({ richMenu: entry?.image ? { richMenuId: id, ...(entry.menu as object) } : null });
  });

  router.get('/api/rich-menus/:id/image', (req, res) => {
    const entry = deps.fake.richMenus.get(req.params['id'] ?? '');
    if (!entry?.image) {
      res.status(404).end();
      return;
    }
    res.type(entry.contentType ?? 'image/png').set('cache-control', 'max-age=3600').send(entry.image);
  });

  router.get('/vendor/flex-render.js', (_req, res) => res.sendFile(path.join(FLEX_RENDER_DIR, 'index.js')));
  router.get('/vendor/flex-render.css', (_req, res) => res.sendFile(path.join(FLEX_RENDER_DIR, 'index.css')));
  router.get('/fonts/sarabun-:weight.ttf', (req, res) => {
    const file = { '400': '400Regular/Sarabun_400Regular.ttf', '700': '700Bold/Sarabun_700Bold.ttf' }[req.params['weight'] ?? ''];
    if (!file) res.status(404).end();
    else res.set('cache-control', 'max-age=86400').sendFile(path.join(SARABUN_DIR, file));
  });
  router.use(express.static(PUBLIC_DIR, { index: 'index.html', redirect: false }));
  router.get('/', (_req, res) => res.sendFile(path.join(PUBLIC_DIR, 'index.html')));

  app.use('/simulator', router);
}
