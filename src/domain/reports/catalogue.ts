// The report types, who may ask for each, and the scope each needs; one entry per type.
import type { Tx } from '../../db/client.js';
import type { Role } from '../../db/generated/enums.js';
import type { ReportDocument } from './document.js';
import { buildCompleteness } from './completeness.js';
import { buildCertificationForm, buildEstimateForm } from './estimate-report.js';
import { buildExportReport } from './export-report.js';
import { buildNationalSummary } from './national-summary.js';
import { buildProducerStatement } from './producer-statement.js';
import type { ReportPeriod } from './period.js';
import { buildRt1, buildRt1Blank } from './rt1.js';
import { buildRt2 } from './rt2.js';
import { buildRt3 } from './rt3.js';
import { buildRt4 } from './rt4.js';
import { buildScoreReport } from './score-report.js';

export type ReportType = 'rt1' | 'rt1-blank' | 'rt2' | 'rt3' | 'rt4' | 'export' | 'score' | 'summary' | 'producer' | 'completeness' | 'estimate' | 'certification';
export const REPORT_TYPES: readonly ReportType[] = ['rt1', 'rt1-blank', 'rt2', 'rt3', 'rt4', 'export', 'score', 'summary', 'producer', 'completeness', 'estimate', 'certification'];

/** The unit a report is about; `zoneId` / `nation` for the zone and national summary. */
export type ReportScope = { districtId: number } | { provinceId: number } | { producerId: number } | { zoneId: number } | { nation: true };

interface Entry {
  title: string;
  /** The unit the report is about; 'area' is a zone (zone users) or the whole country (department). */
  level: 'producer' | 'district' | 'province' | 'area';
  /** Roles that may ask for it (each only for its own producer / district / province; zone and department for any below). */
  roles: readonly Role[];
  /** A form of the whole fiscal year (the estimate forms): no month is asked for, the period is the year. */
  wholeYear?: boolean;
  /** unitId: the producer, district, province or zone; null for the whole country. */
  build(tx: Tx, unitId: number | null, p: ReportPeriod): Promise<ReportDocument>;
}

export const REPORTS: Record<ReportType, Entry> = {
  rt1: { title: 'รต.1 แบบจัดเก็บข้อมูล (กรอกแล้ว)', level: 'district', roles: ['DISTRICT_OFFICER', 'PROVINCE_OFFICER'], build: (tx, id, p) => buildRt1(tx, id!, p) },
  'rt1-blank': { title: 'รต.1 แบบจัดเก็บข้อมูล (ฟอร์มเปล่า)', level: 'district', roles: ['DISTRICT_OFFICER', 'PROVINCE_OFFICER'], build: buildRt1Blank },
  rt2: { title: 'รต.2 รายงานอำเภอประจำเดือน', level: 'district', roles: ['DISTRICT_OFFICER', 'PROVINCE_OFFICER'], build: buildRt2 },
  rt3: { title: 'รต.3 จังหวัดแยกตามผลิตภัณฑ์', level: 'province', roles: ['PROVINCE_OFFICER', 'ZONE_ADMIN', 'DEPARTMENT_ADMIN'], build: buildRt3 },
  rt4: { title: 'รต.4 จังหวัดแยกรายอำเภอ', level: 'province', roles: ['PROVINCE_OFFICER', 'ZONE_ADMIN', 'DEPARTMENT_ADMIN'], build: buildRt4 },
  score: { title: 'รายงานเป้าหมายและค่าคะแนน', level: 'province', roles: ['PROVINCE_OFFICER', 'ZONE_ADMIN', 'DEPARTMENT_ADMIN'], build: (tx, id, p) => buildScoreReport(tx, id!, p) },
  summary: { title: 'สรุปรายเขตและทั่วประเทศ', level: 'area', roles: ['ZONE_ADMIN', 'DEPARTMENT_ADMIN'], build: buildNationalSummary },
  producer: { title: 'รายงานยอดจำหน่ายของผู้ผลิต', level: 'producer', roles: ['PRODUCER'], build: buildProducerStatement },
  completeness: { title: 'ความครบถ้วนและความตรงเวลาของการรายงาน', level: 'province', roles: ['PROVINCE_OFFICER', 'ZONE_ADMIN', 'DEPARTMENT_ADMIN'], build: buildCompleteness },
  export: { title: 'รายงานการส่งออก (แบบ 5)', level: 'province', roles: ['PROVINCE_OFFICER', 'ZONE_ADMIN', 'DEPARTMENT_ADMIN'], build: buildExportReport },
  estimate: { title: 'แบบประมาณการรายได้รายอำเภอ', level: 'province', roles: ['PROVINCE_OFFICER', 'ZONE_ADMIN', 'DEPARTMENT_ADMIN'], wholeYear: true, build: (tx, id, p) => buildEstimateForm(tx, id!, p) },
  certification: { title: 'แบบรับรองข้อมูลประมาณการของอำเภอ', level: 'district', roles: ['DISTRICT_OFFICER', 'PROVINCE_OFFICER'], wholeYear: true, build: (tx, id, p) => buildCertificationForm(tx, id!, p) },
};

/** Builds the report document for a type, scope and period. */
export function buildReport(tx: Tx, type: ReportType, scope: ReportScope, p: ReportPeriod): Promise<ReportDocument> {
  const e = REPORTS[type];
  if (e.level === 'producer') {
    if (!('producerId' in scope)) throw new RangeError(`${type} needs a producer`);
    return e.build(tx, scope.producerId, p);
  }
  if (e.level === 'area') {
    if ('zoneId' in scope) return e.build(tx, scope.zoneId, p);
    if ('nation' in scope) return e.build(tx, null, p);
    throw new RangeError(`${type} needs a zone or the nation`);
  }
  if (e.level === 'district') {
    if (!('districtId' in scope)) throw new RangeError(`${type} needs a district`);
    return e.build(tx, scope.districtId, p);
  }
  if (!('provinceId' in scope)) throw new RangeError(`${type} needs a province`);
  return e.build(tx, scope.provinceId, p);
}
