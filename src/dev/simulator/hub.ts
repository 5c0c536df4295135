/**
 * What the simulator's open pages hear from the built-in LINE fake: messages the bot sent to a user, its loading
 * animation, and changes of the user's rich menu. Fed by the fake's `onRequest` hook (called once per answered
 * request, in order).
 *
 * Invariant: only requests the fake accepted reach a page; a listener sees each sent message once, in send order.
 */
import type { RecordedRequest } from '../line-fake/index.js';

export type SimulatorNews =
  | { kind: 'messages'; messages: unknown[] }
  | { kind: 'loading'; seconds: number }
  | { kind: 'rich-menu' };

type Listener = (news: SimulatorNews) => void;

export interface SimulatorHub {
  /** Pass as the fake's `onRequest`. */
  onRequest(request: RecordedRequest): void;
  /** Listens to one LINE user's news; returns the function that stops listening. */
  listen(lineUserId: string, listener: Listener): () => void;
}

const SENDS = new Set(['reply', 'push', 'multicast']);

export function createSimulatorHub(): SimulatorHub {
  const listeners = new Map<string, Set<Listener>>();
  const tell = (userId: string, news: SimulatorNews) => {
    for (const l of listeners.get(userId) ?? []) l(news);
  };
  return {
    onRequest(r) {
      if (SENDS.has(r.endpoint) && r.status === 200 && r.to && r.messages) {
        for (const to of r.to) tell(to, { kind: 'messages', messages: r.messages });
      } else if (r.endpoint === 'loading' && r.status < 300) {
        const body = r.body as { chatId?: string; loadingSeconds?: number };
        if (body?.chatId) tell(body.chatId, { kind: 'loading', seconds: body.loadingSeconds ?? 20 });
      } else if ((r.endpoint === 'richmenu.link' || r.endpoint === 'richmenu.unlink') && r.status === 200) {
        const userId = /\/v2\/bot\/user\/([^/]+)\/richmenu/.exec(r.path)?.[1];
        if (userId) tell(decodeURIComponent(userId), { kind: 'rich-menu' });
      } else if ((r.endpoint === 'richmenu.default' || r.endpoint === 'richmenu.delete') && r.status === 200) {
        for (const userId of listeners.keys()) tell(userId, { kind: 'rich-menu' });
      }
    },
    listen(userId, listener) {
      const set = listeners.get(userId) ?? new Set();
      set.add(listener);
      listeners.set(userId, set);
      return () => {
        set.delete(listener);
        if (!set.size) listeners.delete(userId);
      };
    },
  };
}
