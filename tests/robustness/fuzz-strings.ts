// Random strings a phone keyboard (or a cat on it) can produce: Thai letters and marks, Thai and Arabic digits,
// money words, keywords of the bot, punctuation, emoji, invisible and control characters, very long texts.
const THAI = Array.from({ length: 0x0e5b - 0x0e01 + 1 }, (_, i) => String.fromCodePoint(0x0e01 + i));
const PIECES = [
  ...THAI, ...'0123456789'.split(''), ...'๐๑๒๓๔๕๖๗๘๙'.split(''), ...'abcxyzABCXYZ'.split(''),
  ' ', '  ', '\n', '\t', ',', '.', '-', '−', '+', '/', '|', ';', ':', '=', '"', "'", '\\', '%', '$', '฿', '#', '(', ')',
  'บาท', 'บ.', 'ล้าน', 'แสน', 'หมื่น', 'พัน', 'ร้อย', 'ในประเทศ', 'ออนไลน์', 'ส่งออก', 'หน้าร้าน', 'ไม่มี', 'ศูนย์',
  'ติดลบ', 'ยกเว้น', 'ส่งกลับ', 'ถัดไป', 'ก่อนหน้า', 'ตุลาคม', 'ต.ค.', 'อาหาร', 'ผ้า', '😀', '🤨', '👍🏽', '\u200b', '\u200d',
  '\u202e', '\ufeff', '\u0000', '\u0007', '\ud800', '\udfff', 'ℌ', '１２３', '½', '1e9', 'NaN', 'Infinity', '0x1F', 'null',
  'undefined', '<script>', "'; DROP TABLE \"SalesEntry\"; --", '{{x}}', '${x}',
];

/** Deterministic PRNG (mulberry32) so a failure can be replayed with its seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomString(next: () => number): string {
  const long = next() < 0.02;
  const n = long ? 1000 + Math.floor(next() * 4000) : Math.floor(next() * 12);
  let s = '';
  for (let i = 0; i < n && s.length < 5000; i++) s += PIECES[Math.floor(next() * PIECES.length)];
  return s.slice(0, 5000);
}

/** Long inputs up to LINE's 5,000-character maximum, sent at every step before the random ones: each must be answered. */
export const LONG_INPUTS: readonly string[] = [
  'ยืนยันทั้งหมด ' + 'ก'.repeat(5000 - 'ยืนยันทั้งหมด '.length),
  'ยืนยันทั้งหมด ยกเว้น ' + 'x'.repeat(5000 - 'ยืนยันทั้งหมด ยกเว้น '.length),
  'ส่งกลับ 1 ' + 'เหตุผล'.repeat(800),
  '1'.repeat(5000),
  'ก'.repeat(5000),
  '😀'.repeat(2500),
];
