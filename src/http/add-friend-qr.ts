// GET /add-friend-qr.png: the bot's add-friend link (LINE_ADD_FRIEND_URL) as a QR code picture, for the image
// message an invite carries (LINE fetches images itself, from PUBLIC_BASE_URL). Drawn once with the qrcode package;
// 404 when no link is configured.
import type express from 'express';
import QRCode from 'qrcode';
import { ADD_FRIEND_QR_PATH } from '../conversations/invite-prompts.js';

export function mountAddFriendQr(app: express.Express, deps: { addFriendUrl: string | null }): void {
  let png: Promise<Buffer> | null = null;
  app.get(ADD_FRIEND_QR_PATH, async (_req, res, next) => {
    if (!deps.addFriendUrl) {
      res.status(404).type('text').send('no LINE_ADD_FRIEND_URL configured');
      return;
    }
    try {
      png ??= QRCode.toBuffer(deps.addFriendUrl, { type: 'png', width: 600, margin: 2, errorCorrectionLevel: 'M' });
      res.type('image/png').set('cache-control', 'public, max-age=86400').send(await png);
    } catch (err) {
      png = null;
      next(err);
    }
  });
}
