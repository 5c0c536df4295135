// Thai wording of target-progress reminders: why a person gets one (dry run, status) and the line on the card.
import { formatMonthTh } from '../thai-format.js';
import type { MonthKey } from '../fiscal-period.js';
import type { ProgressScope, ProgressTrigger } from './target-progress.js';

/** "อำเภอเมือง", "จังหวัดพะเยา", "เขต 3", "ทั้งประเทศ". */
export function scopeName(scope: ProgressScope): string {
  switch (scope.kind) {
    case 'district':
      return `อำเภอ${scope.name}`;
    case 'province':
    case 'province-above':
      return `จังหวัด${scope.name}`;
    case 'zone':
      return scope.name;
    case 'nation':
      return 'ทั้งประเทศ';
  }
}

/** The province whose confirmation brings the card. */
const confirmer = (scope: ProgressScope) => (scope.kind === 'district' ? scope.provinceName : 'name' in scope ? scope.name : '');

/** The note on the card: what brings it. */
export function progressLead(scope: ProgressScope, trigger: ProgressTrigger, month: MonthKey): string {
  return trigger === 'day'
    ? `สรุปประจำเดือน ยอดที่ยืนยันแล้วถึงเดือน${formatMonthTh(month)}`
    : `จังหวัด${confirmer(scope)}ยืนยันยอดเดือน${formatMonthTh(month)}แล้ว`;
}

/** Why the person gets it (dry run and status). */
export function progressReason(scope: ProgressScope, trigger: ProgressTrigger, month: MonthKey): string {
  return `${progressLead(scope, trigger, month)}: เป้าหมาย${scopeName(scope)}`;
}
