// "กำหนดส่ง": everyone sees the due dates that apply to them (their province's overrides included) for the month
// being reported and the one after, in Buddhist-era dates. "ปิดการแจ้งเตือน" / "เปิดการแจ้งเตือน": a producer turns
// its own reminders off and on. Nothing is kept between messages.
import { z } from 'zod';
import type { CardRow, InfoCard } from '../bot/cards.js';
import { done, pass, type Flow } from '../bot/flow.js';
import { card, say, text } from '../bot/reply.js';
import type { Ctx } from '../bot/context.js';
import { dueDates, FIELD_TH, type Deadlines } from '../domain/deadlines.js';
import { RuleError } from '../domain/errors.js';
import { defaultReportingMonth, nextMonth, type MonthKey } from '../domain/fiscal-period.js';
import { setRemindersOff } from '../domain/reminders/opt-out.js';
import { formatDayTh, formatMonthTh } from '../domain/thai-format.js';
import type { BotModule } from './module.js';
import { roleMay } from '../domain/authorise.js';
import { START_WORD as CALENDAR_SET_WORD } from './calendar-set-prompts.js';

const none = z.object({ step: z.literal('none') });

/** The province whose dates apply to the person (null: department-wide only). */
export async function provinceOf(ctx: Ctx): Promise<{ id: number; name: string } | null> {
  const a = ctx.actor!;
  const districtId = a.districtId ?? (a.producerId ? (await ctx.tx.producer.findUnique({ where: { id: a.producerId } }))?.districtId : null);
  const provinceId = a.provinceId ?? (districtId ? (await ctx.tx.district.findUnique({ where: { id: districtId } }))?.provinceId : null);
  if (!provinceId) return null;
  const p = await ctx.tx.province.findUnique({ where: { id: provinceId } });
  return p ? { id: p.id, name: p.nameTh } : null;
}

function rows(d: Deadlines, role: string): CardRow[] {
  const out: CardRow[] = [
    { label: FIELD_TH.entryDue, value: formatDayTh(d.entryDue), emphasis: role === 'PRODUCER' || role === 'DISTRICT_OFFICER' },
    { label: FIELD_TH.districtConfirmDue, value: formatDayTh(d.districtConfirmDue), emphasis: role === 'DISTRICT_OFFICER' },
    { label: FIELD_TH.provinceConfirmDue, value: formatDayTh(d.provinceConfirmDue), emphasis: role === 'PROVINCE_OFFICER' },
  ];
  if (d.departmentClose) out.push({ label: FIELD_TH.departmentClose, value: formatDayTh(d.departmentClose) });
  return out;
}

/** The card of due dates for the given months. */
export function deadlinesCard(where: string, months: { month: MonthKey; d: Deadlines }[], role: string): InfoCard {
  const first = months[0]!;
  return {
    kind: 'info',
    altText: `กำหนดส่งยอดขายเดือน${formatMonthTh(first.month)} (${where}): ส่งภายใน ${formatDayTh(first.d.entryDue)}`,
    title: 'กำหนดส่ง',
    subtitle: where,
    tone: 'neutral',
    sections: months.map(({ month, d }) => ({ heading: `ยอดขายเดือน${formatMonthTh(month)}`, rows: rows(d, role) })),
    note: 'ส่งหลังกำหนดได้ แต่จะถูกบันทึกว่าส่งช้า หลังกรมฯ ปิดรับข้อมูลแล้วจะบันทึกไม่ได้',
  };
}

export const deadlinesFlow: Flow<{ step: 'none' }> = {
  name: 'deadlines',
  version: 1,
  schema: none,
  async start(ctx) {
    const prov = await provinceOf(ctx);
    const m = defaultReportingMonth(ctx.now);
    const months = await Promise.all([m, nextMonth(m)].map(async (month) => ({ month, d: await dueDates(ctx.tx, month, prov?.id) })));
    // those who set dates (calendar.set) are offered the change; the flow refuses everyone else at start anyway
    const change = roleMay(ctx.actor!.role, 'calendar.set') ? [say(CALENDAR_SET_WORD)] : [];
    return done(card(deadlinesCard(prov ? `จังหวัด${prov.name}` : 'ทั้งประเทศ', months, ctx.actor!.role), [...change, say('เมนู')]));
  },
  async advance() {
    return pass();
  },
};

function switchFlow(name: string, off: boolean): Flow<{ step: 'none' }> {
  return {
    name,
    version: 1,
    schema: none,
    async start(ctx) {
      try {
        await setRemindersOff(ctx.tx, ctx.actor!, off);
      } catch (err) {
        if (err instanceof RuleError) return done(text(err.message));
        throw err;
      }
      return done(
        text(
          off
            ? 'ปิดการแจ้งเตือนแล้ว ระบบจะไม่ส่งข้อความเตือนให้ส่งยอดขายอีก (ยังพิมพ์ "กำหนดส่ง" ดูวันส่งได้) พิมพ์ "เปิดการแจ้งเตือน" เพื่อเปิดอีกครั้ง'
            : 'เปิดการแจ้งเตือนแล้ว ระบบจะเตือนเมื่อใกล้ถึงกำหนดส่งยอดขายที่ยังไม่ได้รายงาน',
          [say('กำหนดส่ง'), say('เมนู')],
        ),
      );
    },
    async advance() {
      return pass();
    },
  };
}

export const deadlinesModule: BotModule = {
  flows: [deadlinesFlow, switchFlow('reminders-off', true), switchFlow('reminders-on', false)],
  startWords: {
    กำหนดส่ง: { flow: 'deadlines' },
    ปิดการแจ้งเตือน: { flow: 'reminders-off' },
    เปิดการแจ้งเตือน: { flow: 'reminders-on' },
  },
};
