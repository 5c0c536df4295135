// Issue 7 point 20: with LINE_ADD_FRIEND_URL set, a new invite gives the officer the add-friend link and a QR code
// picture of it (served by the bot at PUBLIC_BASE_URL/add-friend-qr.png, an https address LINE can fetch); the
// picture is a QR code of exactly that link. (Without the setting nothing speaks of a link: invite-in-chat.test.ts.)
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePostback } from '../../src/line/postback-codec.js';
import { loadConfig, ConfigError } from '../../src/config.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { makeProducer, makeUser, testClock } from '../support/people.js';
import { allActions, sent } from '../support/screen.js';
import { readPng } from '../support/png.js';

const ADD_FRIEND = 'https://lin.ee/otopSales24';
const clock = testClock('2026-11-02T03:00:00Z');
let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot({ now: clock.now, env: { LINE_ADD_FRIEND_URL: ADD_FRIEND, PUBLIC_BASE_URL: 'https://otop.example.org/' } });
});
afterAll(async () => {
  await bot?.close();
});

/** Dark modules of the served PNG, read at each module's centre (quiet zone of 2, as drawn). */
function modulesOf(png: ReturnType<typeof readPng>, size: number): boolean[] {
  const scale = png.width / (size + 4);
  const out: boolean[] = [];
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const x = Math.floor((c + 2 + 0.5) * scale);
      const y = Math.floor((r + 2 + 0.5) * scale);
      out.push(png.grey(x, y) < 128);
    }
  }
  return out;
}

describe('the add-friend link in invites', () => {
  it('a district officer\u2019s new producer invite carries the link, and a QR picture of it that the bot serves', async () => {
    const db = bot.services.db;
    const p = await makeProducer(db, { districtId: 2401, name: 'กลุ่มน้ำพริกบางพระ', tambon: 'บางพระ' });
    const { lineUserId: officer } = await makeUser(db, 'af-officer', 'DISTRICT_OFFICER', { districtId: 2401 });
    await bot.say(officer, 'สร้างรหัสเชิญ');
    const pick = allActions(bot, officer).find((a) => a.label === 'สร้างรหัสเชิญ' && a.data && decodePostback(a.data)?.params.p === String(p.id))!;
    await bot.tap(officer, pick.data!);

    const [forOfficer, forProducer, qr, ...rest] = sent(bot, officer).slice(-3) as { type: string; text?: string; originalContentUrl?: string; previewImageUrl?: string }[];
    expect(rest).toEqual([]);
    expect(forOfficer!.text).toContain('ส่งข้อความถัดไปนี้และรูป QR ให้ผู้ผลิต');
    expect(forProducer!.text).toContain(`1. เพิ่มเพื่อน LINE บัญชีระบบรายงานยอดขาย OTOP ของกรมการพัฒนาชุมชน ที่ลิงก์ ${ADD_FRIEND} หรือสแกน QR ที่ส่งมาด้วย`);
    expect(qr).toMatchObject({ type: 'image', originalContentUrl: 'https://otop.example.org/add-friend-qr.png', previewImageUrl: 'https://otop.example.org/add-friend-qr.png' });
    expect(bot.fake.rejected()).toEqual([]); // the image message passed LINE's schema

    // The picture at that address (here: this server) is a QR code of exactly the add-friend link.
    const res = await fetch(`${bot.url}/add-friend-qr.png`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const png = readPng(Buffer.from(await res.arrayBuffer()));
    const expected = QRCode.create(ADD_FRIEND, { errorCorrectionLevel: 'M' }).modules;
    expect(modulesOf(png, expected.size)).toEqual(Array.from(expected.data, (d) => d === 1));
    const other = QRCode.create('https://lin.ee/someoneElse', { errorCorrectionLevel: 'M' }).modules;
    expect(modulesOf(png, other.size)).not.toEqual(Array.from(other.data, (d) => d === 1));
  });

  it('the setting is checked at start: an https link or nothing; without it the picture is not served', async () => {
    expect(loadConfig({ LINE_ADD_FRIEND_URL: ADD_FRIEND }).addFriendUrl).toBe(ADD_FRIEND);
    expect(loadConfig({}).addFriendUrl).toBeNull();
    expect(() => loadConfig({ LINE_ADD_FRIEND_URL: 'http://lin.ee/x' })).toThrow(ConfigError);
    expect(() => loadConfig({ LINE_ADD_FRIEND_URL: 'line ของเรา' })).toThrow('LINE_ADD_FRIEND_URL');
  });
});
