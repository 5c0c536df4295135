// "รายงาน": an officer picks a report type (only those its role may see), a province when it covers several (zone
// and department), a month of the current fiscal year and a format; the scope comes from the actor and is
// authorised in the domain. The file is made after commit (src/jobs/report-delivery.ts) and arrives by push with a
// signed 24-hour link. Steps: type → (province) → month → format → done; the forms of a whole fiscal year (the
// estimate forms) skip the month and cover the current fiscal year.
import { z } from 'zod';
import { done, next, pass, stay, type Flow } from '../bot/flow.js';
import { say, text, type Reply } from '../bot/reply.js';
import type { Ctx } from '../bot/context.js';
import { defaultReportingMonth, fiscalYearMonths, fiscalYearOf, monthKeyOf, monthParts, type MonthKey } from '../domain/fiscal-period.js';
import { REPORTS, REPORT_TYPES, type ReportType } from '../domain/reports/catalogue.js';
import { periodOf, wholeYearLabel, wholeYearPeriod } from '../domain/reports/period.js';
import { recordReportRequest } from '../domain/reports/requests.js';
import { asksProvince, reportProvincesFor, reportScopeFor, reportTypesFor } from '../domain/reports/report-scope.js';
import { RuleError } from '../domain/errors.js';
import { formatMonthTh } from '../domain/thai-format.js';
import type { BotModule } from './module.js';

export const FLOW = 'reports';
const Type = z.enum(REPORT_TYPES as [ReportType, ...ReportType[]]);
const State = z.discriminatedUnion('step', [
  z.object({ step: z.literal('type') }),
  z.object({ step: z.literal('province'), type: Type }),
  z.object({ step: z.literal('month'), type: Type, provinceId: z.number().int().optional() }),
  // no month: a whole-year form of the current fiscal year
  z.object({ step: z.literal('format'), type: Type, provinceId: z.number().int().optional(), month: z.string().regex(/^\d{4}-\d{2}$/).optional() }),
]);
type S = z.infer<typeof State>;

/** Quick-reply label of each type (≤ 20 characters). */
const TYPE_LABEL: Record<ReportType, string> = {
  rt1: 'รต.1', 'rt1-blank': 'รต.1 ฟอร์มเปล่า', rt2: 'รต.2', rt3: 'รต.3', rt4: 'รต.4', export: 'ส่งออก (แบบ 5)', score: 'เป้าหมายและคะแนน', summary: 'สรุปรายเขต/ประเทศ',
  completeness: 'ความครบถ้วน', producer: 'ยอดขายของผู้ผลิต', estimate: 'แบบประมาณการ', certification: 'แบบรับรองประมาณการ',
};
const FORMATS = { PDF: 'pdf', EXCEL: 'xlsx' } as const;
const QUICK_MAX = 13;
const typed = (input: { kind: string; text?: string }) => (input.kind === 'text' ? (input.text ?? '').trim() : '');

/** The reporting months of the current fiscal year, newest first (at most 12). */
function months(now: Date): MonthKey[] {
  const latest = defaultReportingMonth(now);
  return fiscalYearMonths(fiscalYearOf(latest)).filter((m) => m <= latest).reverse();
}

const askType = (types: ReportType[]): Reply =>
  text(`เลือกรายงานที่ต้องการ\n${types.map((t) => `• ${REPORTS[t].title}`).join('\n')}`, types.map((t) => say(TYPE_LABEL[t])));
const askMonth = (now: Date): Reply =>
  text('รายงานของเดือนใด (ปีงบประมาณปัจจุบัน)', months(now).slice(0, QUICK_MAX).map((m) => say(formatMonthTh(m, { short: true }))));
const askFormat = (): Reply => text('ต้องการไฟล์แบบใด', [say('PDF'), say('Excel')]);

async function askProvince(ctx: Ctx): Promise<Reply> {
  const list = await reportProvincesFor(ctx.tx, ctx.actor!);
  const quick = list.length <= QUICK_MAX ? list.map((p) => say(p.nameTh.slice(0, 20), p.nameTh)) : [];
  return text('รายงานของจังหวัดใด พิมพ์ชื่อจังหวัด' + (quick.length ? 'หรือเลือกด้านล่าง' : ''), quick);
}

export const reportsFlow: Flow<S> = {
  name: FLOW,
  version: 1,
  schema: State,
  async start(ctx) {
    const types = reportTypesFor(ctx.actor!);
    if (!types.length) return done(text('ขออภัย ยังไม่มีรายงานสำหรับบทบาทของท่าน', [say('เมนู')]));
    return next({ step: 'type' }, askType(types));
  },
  async advance(ctx, s, input) {
    if (input.kind !== 'text') return pass();
    const t = typed(input);
    switch (s.step) {
      case 'type': {
        const types = reportTypesFor(ctx.actor!);
        const type = types.find((x) => TYPE_LABEL[x] === t || x === t.toLowerCase());
        if (!type) return stay(text('กรุณาเลือกรายงานจากปุ่มด้านล่าง หรือพิมพ์ "ยกเลิก"', types.map((x) => say(TYPE_LABEL[x]))), askType(types));
        if (asksProvince(ctx.actor!, type)) return next({ step: 'province', type }, await askProvince(ctx));
        if (REPORTS[type].wholeYear) return next({ step: 'format', type }, askFormat());
        return next({ step: 'month', type }, askMonth(ctx.now));
      }
      case 'province': {
        const p = (await reportProvincesFor(ctx.tx, ctx.actor!)).find((x) => x.nameTh === t.replace(/^จังหวัด/, ''));
        if (!p) return stay(text(`ไม่พบจังหวัด "${t}" ในเขตของท่าน กรุณาพิมพ์ชื่อจังหวัดอีกครั้ง`), await askProvince(ctx));
        if (REPORTS[s.type].wholeYear) return next({ step: 'format', type: s.type, provinceId: p.id }, askFormat());
        return next({ step: 'month', type: s.type, provinceId: p.id }, askMonth(ctx.now));
      }
      case 'month': {
        const m = months(ctx.now).find((k) => formatMonthTh(k, { short: true }) === t || formatMonthTh(k) === t);
        if (!m) return stay(text('กรุณาเลือกเดือนจากปุ่มด้านล่าง'), askMonth(ctx.now));
        return next({ ...s, step: 'format', month: m }, askFormat());
      }
      case 'format': {
        const format = FORMATS[t.toUpperCase() as keyof typeof FORMATS];
        if (!format) return stay(text('กรุณาเลือก PDF หรือ Excel'), askFormat());
        const month = s.month as MonthKey | undefined;
        const period = month ? periodOf(fiscalYearOf(month), monthParts(month).month) : wholeYearPeriod(fiscalYearOf(monthKeyOf(ctx.now)));
        let scope;
        try {
          scope = await reportScopeFor(ctx.tx, ctx.actor!, s.type, s.provinceId);
        } catch (err) {
          if (err instanceof RuleError) return done(text(err.message, [say('เมนู')]));
          throw err;
        }
        if (!ctx.reports) return done(text('ขออภัย ขณะนี้ระบบจัดทำรายงานไม่พร้อมใช้งาน กรุณาลองใหม่ภายหลัง'));
        const task = {
          lineUserId: ctx.event.lineUserId,
          key: `report:${ctx.event.id}`,
          request: { type: s.type, scope, period, format },
        };
        await recordReportRequest(ctx.tx, task, ctx.now);
        const reports = ctx.reports;
        ctx.afterCommit(() => reports.deliver(task));
        const when = month ? `เดือน${formatMonthTh(month)}` : wholeYearLabel(period);
        return done(text(`กำลังจัดทำ${REPORTS[s.type].title} ${when} สักครู่ระบบจะส่งลิงก์ดาวน์โหลดให้ในแชตนี้`));
      }
    }
  },
};

export const reportsModule: BotModule = { flows: [reportsFlow], startWords: { รายงาน: { flow: FLOW } } };
