// A burst of real conversation events, shared by tests/webhook/two-processes.test.ts and `npm run bench:webhook`:
// producers report last month's sales through the whole chat flow (start, month, category, four amounts one at a
// time, ยืนยัน, then their own figures and the menu), and district officers review and confirm their district's
// month (start, month, list, ยืนยันทั้งหมด, ยืนยัน, then the overview again). Every step's answer is known in
// advance, so a lost, doubled or reordered event shows in the answers and in the rows.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/db/client.js';
import { defaultReportingMonth, monthStart, type MonthKey } from '../../src/domain/fiscal-period.js';
import { formatBaht } from '../../src/domain/thai-format.js';
import { eventId, lineUserId, sign, TEST_SECRET } from './bot.js';

/** One message a person types, and a piece of the answer it must get (the answer to that step and no other). */
export interface BurstStep {
  text: string;
  expect: string;
}

export interface BurstPerson {
  lineUserId: string;
  role: 'PRODUCER' | 'DISTRICT_OFFICER';
  steps: BurstStep[];
  /** Producer: the sales entry its steps submit (satang). Officer: the entries its confirmation confirms. */
  producerId?: number;
  amounts?: { domesticOffline: bigint; domesticOnline: bigint };
  districtId?: number;
  entryIds?: number[];
}

export interface Burst {
  month: MonthKey;
  people: BurstPerson[];
  /** Every event of the burst, each person's in order; the n-th of a person answers its n-th step. */
  events: number;
}

/** Officers each get a district of their own, with this many producers whose entries await confirmation. */
const ENTRIES_PER_OFFICER = 3;
const STEPS = 10;

function producerSteps(month: MonthKey, u: number): { steps: BurstStep[]; domesticOffline: bigint; domesticOnline: bigint } {
  const domesticOffline = BigInt(10_000 + 7 * u) * 100n;
  const domesticOnline = BigInt(1_000 + u) * 100n;
  const total = formatBaht(domesticOffline + domesticOnline);
  return {
    domesticOffline,
    domesticOnline,
    steps: [
      { text: 'รายงานยอดขาย', expect: 'ของเดือนไหนคะ' },
      { text: month, expect: 'ยอดขายของผลิตภัณฑ์ประเภทไหนคะ' },
      { text: 'อาหาร', expect: 'กรอกทีละช่อง' },
      { text: String(10_000 + 7 * u), expect: '(2/4)' },
      { text: String(1_000 + u), expect: '(3/4)' },
      { text: '0', expect: '(4/4)' },
      { text: '0', expect: `รวม ${total}` },
      { text: 'ยืนยัน', expect: 'บันทึกยอดขายเรียบร้อยแล้ว' },
      { text: 'ยอดขายของฉัน', expect: `${total} บาท; ` },
      { text: 'เมนู', expect: 'ต้องการทำรายการใดคะ' },
    ],
  };
}

function officerSteps(month: MonthKey): BurstStep[] {
  return [
    { text: 'ตรวจสอบ', expect: 'ปกติคือเดือน' },
    { text: month, expect: `รอยืนยัน ${ENTRIES_PER_OFFICER} ส่งกลับแก้ไข 0 ยืนยันแล้ว 0` },
    { text: 'ดูรายการ', expect: `${ENTRIES_PER_OFFICER}. ` },
    { text: 'ยืนยันทั้งหมด', expect: `จะยืนยัน ${ENTRIES_PER_OFFICER} รายการ` },
    { text: 'ยืนยัน', expect: `ยืนยัน ${ENTRIES_PER_OFFICER} รายการ` },
    { text: 'ตรวจสอบ', expect: 'ปกติคือเดือน' },
    { text: month, expect: `รอยืนยัน 0 ส่งกลับแก้ไข 0 ยืนยันแล้ว ${ENTRIES_PER_OFFICER}` },
    { text: 'ดูรายการ', expect: 'อำเภอยืนยันแล้ว' },
    { text: 'ยกเลิก', expect: 'ยกเลิกรายการแล้ว' },
    { text: 'เมนู', expect: 'ต้องการทำรายการใดคะ' },
  ];
}

/**
 * Creates the people of a burst in the database: `users` people with ten steps each, one in ten a district officer
 * (each with a district of their own and ENTRIES_PER_OFFICER entries awaiting confirmation), the rest producers.
 * `now` decides the month (the one just ended, as the bot's default).
 */
export async function seedBurst(db: Db, users: number, now = new Date()): Promise<Burst> {
  const month = defaultReportingMonth(now);
  const tag = randomBytes(4).toString('hex');
  const districts = (await db.district.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((d) => d.id);
  const officers = Math.floor(users / 10);
  if (districts.length < officers + 1) throw new Error('not enough districts in the reference data');
  const [producerDistrict, ...officerDistricts] = districts;
  const people: BurstPerson[] = [];
  const producer = (districtId: number, name: string) =>
    db.producer.create({
      data: { registrationCode: `B-${tag}-${name}`, name: `กลุ่มทดสอบ ${name}`, type: 'COMMUNITY_GROUP', categories: ['FOOD', 'DRINK'], districtId, tambon: 'หน้าเมือง' },
    });
  const user = (seed: string, role: BurstPerson['role'], scope: { producerId?: number; districtId?: number }) =>
    db.user.create({ data: { lineUserId: lineUserId(`${tag}-${seed}`), role, displayName: seed, ...scope } });

  for (let i = 0; i < officers; i++) {
    const districtId = officerDistricts[i]!;
    const officer = await user(`officer-${i}`, 'DISTRICT_OFFICER', { districtId });
    const entryIds: number[] = [];
    for (let k = 0; k < ENTRIES_PER_OFFICER; k++) {
      const p = await producer(districtId, `o${i}-${k}`);
      const e = await db.salesEntry.create({
        data: {
          producerId: p.id, month: monthStart(month), category: 'FOOD', domesticOffline: BigInt(5_000 + k) * 100n, domesticOnline: 0n,
          exportOffline: 0n, exportOnline: 0n, status: 'SUBMITTED', enteredById: officer.id, submittedAt: now,
        },
      });
      entryIds.push(e.id);
    }
    people.push({ lineUserId: officer.lineUserId, role: 'DISTRICT_OFFICER', steps: officerSteps(month), districtId, entryIds });
  }
  for (let u = 0; people.length < users; u++) {
    const p = await producer(producerDistrict!, `p${u}`);
    const row = await user(`producer-${u}`, 'PRODUCER', { producerId: p.id });
    const { steps, domesticOffline, domesticOnline } = producerSteps(month, u);
    people.push({ lineUserId: row.lineUserId, role: 'PRODUCER', steps, producerId: p.id, amounts: { domesticOffline, domesticOnline } });
  }
  return { month, people, events: people.length * STEPS };
}

/** One event as LINE would send it: a text message with its own id, occurrence time and reply token. */
export interface BurstEvent {
  person: BurstPerson;
  step: number;
  id: string;
  replyToken: string;
  body: string;
  signature: string;
}

/**
 * The signed webhook body of `person`'s step `step`, with a reply token from `issueToken` (the LINE fake).
 * `timestamp` must grow along a person's steps: the bot handles a person's events in occurrence order.
 */
export function burstEvent(person: BurstPerson, step: number, timestamp: number, issueToken: (user: string) => string, secret = TEST_SECRET): BurstEvent {
  const id = eventId();
  const replyToken = issueToken(person.lineUserId);
  const event = {
    type: 'message', mode: 'active', timestamp, webhookEventId: id, deliveryContext: { isRedelivery: false },
    source: { type: 'user', userId: person.lineUserId }, replyToken,
    message: { type: 'text', id: String(timestamp), quoteToken: 'q', text: person.steps[step]!.text },
  };
  const body = JSON.stringify({ destination: 'U' + '0'.repeat(32), events: [event] });
  return { person, step, id, replyToken, body, signature: sign(body, secret) };
}

/** Posts a signed body to a bot's /webhook; returns the HTTP status. */
export async function postBody(url: string, e: Pick<BurstEvent, 'body' | 'signature'>): Promise<number> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-line-signature': e.signature }, body: e.body });
  await res.arrayBuffer();
  return res.status;
}

/**
 * Sends the whole burst: each person's steps one after another (the next is posted once the webhook accepted the
 * previous one, as LINE does for one chat), people side by side, at most `concurrency` requests in flight. Each event
 * goes to one of `urls` at random; `redeliver` of them (a fraction) go to two of them at once, with the same
 * webhookEventId (LINE redelivering). Resolves with every event sent, once each, when all were accepted.
 */
export async function sendBurst(
  burst: Burst,
  urls: string[],
  opts: { issueToken: (user: string) => string; redeliver?: number; concurrency?: number; secret?: string },
): Promise<{ events: BurstEvent[]; posts: number; statuses: Map<number, number> }> {
  const events: BurstEvent[] = [];
  const statuses = new Map<number, number>();
  let posts = 0;
  let inFlight = 0;
  const waiting: (() => void)[] = [];
  const limit = opts.concurrency ?? 32;
  const post = async (url: string, e: BurstEvent) => {
    if (inFlight >= limit) await new Promise<void>((r) => waiting.push(r));
    inFlight++;
    posts++;
    try {
      // a refused post (500 while the database is busy) is redelivered, as LINE would
      for (let i = 0; ; i++) {
        const status = await postBody(url, e).catch(() => 0);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status === 200) return;
        if (i >= 20) throw new Error(`event ${e.id} refused ${i + 1} times (last ${status})`);
        await new Promise((r) => setTimeout(r, 200 * (i + 1)));
      }
    } finally {
      inFlight--;
      waiting.shift()?.();
    }
  };
  await Promise.all(
    burst.people.map(async (person) => {
      let last = 0;
      for (let step = 0; step < person.steps.length; step++) {
        last = Math.max(Date.now(), last + 1);
        const e = burstEvent(person, step, last, opts.issueToken, opts.secret);
        events.push(e);
        const first = Math.floor(Math.random() * urls.length);
        const twice = urls.length > 1 && Math.random() < (opts.redeliver ?? 0);
        await Promise.all([post(urls[first]!, e), ...(twice ? [post(urls[(first + 1) % urls.length]!, e)] : [])]);
      }
    }),
  );
  return { events, posts, statuses };
}
