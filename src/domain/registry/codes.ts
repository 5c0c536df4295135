// Producer registration codes, one rule for chat, the register import and the demo seed. A producer keeps the
// official OTOP registration number its district's register prints, when it has one; otherwise the bot issues
// `<district code>-C-<n>`: the 4-digit DOPA district code, "C", and n counting that district's issued codes from 1
// (e.g. 2401-C-7). Issued codes are reserved: nobody types one as an official number.
import type { Tx } from '../../db/client.js';
import { toArabicDigits } from '../thai-format.js';

export const CODE_MIN = 3;
export const CODE_MAX = 40;
const ISSUED = /^(\d{4})-C-(\d+)$/;
/** Letters (Latin or Thai), digits and the separators registers use, starting and ending with a letter or digit. */
const OFFICIAL = /^[A-Za-z0-9\u0E01-\u0E4F](?:[A-Za-z0-9\u0E01-\u0E4F\-/.]*[A-Za-z0-9\u0E01-\u0E4F])?$/;

/** True for a code the bot issued itself (`<district>-C-<n>`). */
export const isIssuedCode = (code: string): boolean => ISSUED.test(code);

/** The code the bot issues as the n-th of a district. */
export const issuedCode = (districtId: number, n: number): string => `${districtId}-C-${n}`;

/** A typed registration number as it is stored: Thai digits as Arabic, no spaces (compared ignoring case). */
export const normaliseCode = (typed: string): string => toArabicDigits(typed.normalize('NFKC')).replace(/\s+/g, '');

/** Why a (normalised) official registration number cannot be one, in Thai; null when its shape is fine. */
export function officialCodeProblem(code: string): string | null {
  if (isIssuedCode(code)) return `รหัสรูปแบบ <รหัสอำเภอ>-C-<ลำดับ> (เช่น ${code}) เป็นรหัสที่ระบบออกให้เอง ไม่ใช่เลขทะเบียน OTOP`;
  if (code.length < CODE_MIN || code.length > CODE_MAX) return `เลขทะเบียนต้องยาว ${CODE_MIN}–${CODE_MAX} ตัวอักษร`;
  if (!OFFICIAL.test(code) || !/\d/.test(code)) return 'เลขทะเบียนต้องมีตัวเลข และใช้ได้เฉพาะตัวอักษร ตัวเลข และเครื่องหมาย - / .';
  return null;
}

/** The next `count` free issued codes of a district; serialised per district until commit (chat and import alike). */
export async function nextIssuedCodes(tx: Tx, districtId: number, count: number): Promise<string[]> {
  const prefix = issuedCode(districtId, 0).slice(0, -1);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${'producer-code:' + prefix}))`;
  // The position is cast: a bare parameter would be read as text, i.e. as substring's regular-expression form.
  const from = prefix.length + 1;
  const rows = await tx.$queryRaw<{ n: number | null }[]>`
    SELECT max(substring("registrationCode" FROM ${from}::int)::int) AS n
    FROM "Producer" WHERE "registrationCode" LIKE ${prefix + '%'} AND substring("registrationCode" FROM ${from}::int) ~ '^[0-9]+$'`;
  const start = (rows[0]?.n ?? 0) + 1;
  return Array.from({ length: count }, (_, i) => issuedCode(districtId, start + i));
}
