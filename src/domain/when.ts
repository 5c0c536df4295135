// "When" for people: a Bangkok date and time in Thai, e.g. "5 พ.ย. 2566 14:02 น.".
import { dayKeyOf } from './fiscal-period.js';
import { formatDayTh } from './thai-format.js';

export function whenTh(instant: Date): string {
  const bkk = new Date(instant.getTime() + 7 * 3600_000);
  const hh = String(bkk.getUTCHours()).padStart(2, '0');
  const mm = String(bkk.getUTCMinutes()).padStart(2, '0');
  return `${formatDayTh(dayKeyOf(instant), { short: true })} ${hh}:${mm} น.`;
}
