// The district's invite sheet: one fresh code per registered producer without LINE, printed as cut-out cards whose
// text extracts intact; every code on the sheet redeems once, and printing again replaces the unused codes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redeemInvite } from '../../src/domain/invites.js';
import { issueInviteSheet } from '../../src/domain/registry/invite-sheet.js';
import { renderInviteSheet } from '../../src/reports/invite-sheet.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { makeProducer, makeUser } from '../support/people.js';

let t: TestDatabase;
const hasPoppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

describe('invite sheet', () => {
  it('prints a card per producer without LINE; the text extracts intact and each code redeems once', async () => {
    const names = ['กลุ่มแม่บ้านน้ำพริกเผาบ้านใหม่', 'วิสาหกิจชุมชนผ้าทอมือคลองนา', 'ร้านขนมไทยป้าศรี'];
    const producers = [];
    for (const name of names) producers.push(await makeProducer(t.db, { districtId: 2409, name }));
    const linked = await makeProducer(t.db, { districtId: 2409, name: 'กลุ่มที่ใช้ LINE แล้ว' });
    await makeUser(t.db, 'already-on-line', 'PRODUCER', { producerId: linked.id });

    const now = new Date('2026-12-02T03:00:00Z');
    const first = await t.db.$transaction((tx) => issueInviteSheet(tx, null, 2409, now, 30));
    expect(first.cards.map((c) => c.producerName).sort()).toEqual([...names].sort());
    const second = await t.db.$transaction((tx) => issueInviteSheet(tx, null, 2409, now, 30));
    const stale = await t.db.invite.findMany({ where: { code: { in: first.cards.map((c) => c.code) } } });
    expect(stale.every((i) => i.expiresAt.getTime() <= now.getTime())).toBe(true);

    const trace: string[] = [];
    const pdf = await renderInviteSheet({
      heading: `อำเภอ${second.districtName} จังหวัด${second.provinceName}`,
      cards: second.cards.map((c) => ({ ...c, expires: '1 มกราคม 2570' })),
      addFriendUrl: 'https://line.me/R/ti/p/@otop-demo',
      printed: 'พิมพ์เมื่อ 2 ธันวาคม 2569',
      trace,
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    for (const c of second.cards) expect(trace).toContain(c.code);
    if (hasPoppler) {
      const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'invite-sheet-')), 'sheet.pdf');
      writeFileSync(file, pdf);
      const extracted = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      for (const line of trace) expect(extracted.replace(/\s+/g, ''), line).toContain(line.replace(/\s+/g, ''));
    }

    for (const [i, c] of second.cards.entries()) {
      const { user } = await makeUser(t.db, `sheet-user-${i}`, 'PRODUCER', {});
      await t.db.user.update({ where: { id: user.id }, data: { role: null, producerId: null } });
      const ok = await t.db.$transaction((tx) => redeemInvite(tx, user.id, c.code.toLowerCase().replace('-', ' '), new Date('2026-12-03T03:00:00Z')));
      expect(ok.ok, c.code).toBe(true);
      const { user: other } = await makeUser(t.db, `sheet-other-${i}`, 'PRODUCER', {});
      await t.db.user.update({ where: { id: other.id }, data: { role: null, producerId: null } });
      const again = await t.db.$transaction((tx) => redeemInvite(tx, other.id, c.code, new Date('2026-12-03T03:00:00Z')));
      expect(again.ok).toBe(false);
    }
    const { user: late } = await makeUser(t.db, 'stale-user', 'PRODUCER', {});
    await t.db.user.update({ where: { id: late.id }, data: { role: null, producerId: null } });
    const old = await t.db.$transaction((tx) => redeemInvite(tx, late.id, first.cards[0]!.code, new Date('2026-12-03T03:00:00Z')));
    expect(old.ok).toBe(false);
  });
});
