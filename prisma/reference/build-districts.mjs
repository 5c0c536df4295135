#!/usr/bin/env node
// Rebuilds prisma/reference/provinces.csv, districts.csv and tambons.csv (the ตำบล of every district) from the npm
// package
// @bilions/thailand-address@2.0.1 (ISC), installed OUTSIDE the project. Run by hand, never at install:
//
//   npm install --prefix /tmp/thai-ref --no-save @bilions/thailand-address@2.0.1
//   node prisma/reference/build-districts.mjs /tmp/thai-ref/node_modules/@bilions/thailand-address
//
// Scope: the 76 provinces of the fiscal-2561 national letter (prisma/reference/fy2561-province-targets.csv),
// i.e. every province except Bangkok, whose 50 เขต are not in the department's OTOP structure.
// The package's codes and Thai names are DOPA's; its English names have errors, fixed below (see SOURCE.md).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const here = new URL('.', import.meta.url);
const pkgDir = resolve(process.argv[2] ?? '/tmp/thai-ref/node_modules/@bilions/thailand-address');
const require = createRequire(`${pkgDir}/`);
const { provinces } = require(`${pkgDir}/dist/address/provinces.js`);
const { districts } = require(`${pkgDir}/dist/address/districts.js`);
const { subDistricts } = require(`${pkgDir}/dist/address/sub_districts.js`);
const pkg = JSON.parse(readFileSync(`${pkgDir}/package.json`, 'utf8'));
if (pkg.name !== '@bilions/thailand-address' || pkg.version !== '2.0.1') {
  console.warn(`warning: expected @bilions/thailand-address@2.0.1, got ${pkg.name}@${pkg.version}`);
}

/** Province English names that differ from the RTGS / ISO 3166-2:TH spelling. */
const PROVINCE_EN = { 11: 'Samut Prakan', 27: 'Sa Kaeo', 82: 'Phang Nga' };

/** District fixes by the package's code: a corrected code, Thai or English name. */
const DISTRICT_FIX = {
  1913: { en: 'Chaloem Phra Kiat' },
  2409: { en: 'Plaeng Yao' },
  3020: { en: 'Sikhio' },
  3022: { en: 'Nong Bun Mak' },
  3029: { en: 'Lam Thamenchai' },
  3032: { en: 'Chaloem Phra Kiat' },
  3117: { en: 'Non Suwan' }, // package repeats "Non Din Daeng" (3120)
  3123: { en: 'Chaloem Phra Kiat' },
  3410: { en: 'Buntharik' },
  3801: { th: 'เมืองบึงกาฬ', en: 'Mueang Bueng Kan' }, // renamed when Bueng Kan became a province (2554)
  4020: { en: 'Phu Pha Man' },
  4026: { code: 4029 }, // DOPA geocode of เวียงเก่า is 4029 (its tambons are 4029xx)
  4106: { en: 'Nong Han' }, // package repeats "Nong Saeng" (4121)
  4705: { en: 'Phang Khon' },
  4904: { en: 'Dong Luang' }, // package repeats "Don Tan" (4903)
  4906: { th: 'หว้านใหญ่' },
  5025: { en: 'Galyani Vadhana' },
  5402: { en: 'Rong Kwang' }, // package repeats "Mueang Phrae"
  5515: { en: 'Chaloem Phra Kiat' },
  5602: { en: 'Chun' }, // 5602–5609: package repeats "Mueang Phayao"
  5603: { en: 'Chiang Kham' },
  5604: { en: 'Chiang Muan' },
  5605: { en: 'Dok Khamtai' },
  5606: { en: 'Pong' },
  5607: { en: 'Mae Chai' },
  5608: { en: 'Phu Sang' },
  5609: { en: 'Phu Kamyao' },
  6010: { en: 'Phayuha Khiri' },
  6014: { en: 'Mae Poen' },
  6308: { en: 'Umphang' },
  7201: { en: 'Mueang Suphan Buri' },
  8023: { en: 'Chaloem Phra Kiat' },
  8201: { en: 'Mueang Phang Nga' },
  8419: { en: 'Vibhavadi' }, // package repeats "Chai Buri" (8418)
  8503: { en: 'Kapoe' },
  9001: { en: 'Mueang Songkhla' },
  9310: { th: 'ป่าพะยอม' },
  9508: { th: 'กรงปินัง' },
  9603: { en: 'Bacho' }, // package repeats "Tak Bai" (9602)
};

/** Same romanisation of two different Thai names in one province: บางไทร (1404) and บางซ้าย (1413). */
const SAME_EN_OK = new Set(['14:Bang Sai']);

const tidyEn = (s) =>
  s.trim().replace(/\s+/g, ' ').split(' ').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
const tidyTh = (s) => s.trim().replace(/^(อำเภอ|เขต|กิ่งอำเภอ)\s*/, '').replace(/\s+/g, '');
const fail = (msg) => {
  console.error(`error: ${msg}`);
  process.exit(1);
};

// The letter's provinces and zones.
const letter = readFileSync(new URL('fy2561-province-targets.csv', here), 'utf8').trim().split(/\r?\n/).slice(1);
const zoneOf = new Map(letter.map((line) => line.split(',')).map(([zone, , name]) => [name, Number(zone)]));
if (zoneOf.size !== 76) fail(`the letter should have 76 provinces, found ${zoneOf.size}`);

const provinceRows = [];
for (const p of provinces) {
  const zone = zoneOf.get(p.name_in_thai);
  if (zone === undefined) {
    console.log(`skip province ${p.code} ${p.name_in_thai}: not in the fiscal-2561 letter`);
    continue;
  }
  provinceRows.push({ code: p.code, th: p.name_in_thai, en: PROVINCE_EN[p.code] ?? tidyEn(p.name_in_english), zone });
}
const missing = [...zoneOf.keys()].filter((name) => !provinceRows.some((p) => p.th === name));
if (missing.length > 0 || provinceRows.length !== 76) fail(`letter provinces not in the package: ${missing}`);
provinceRows.sort((a, b) => a.code - b.code);
const provinceCodes = new Set(provinceRows.map((p) => p.code));

const codeOfId = new Map(provinces.map((p) => [p.id, p.code]));
const districtRows = [];
const seenCodes = new Set();
const seenEn = new Set();
let skippedBangkok = 0;
for (const d of districts) {
  const provinceCode = codeOfId.get(d.province_id);
  if (provinceCode === 10) {
    skippedBangkok += 1;
    continue;
  }
  if (!provinceCodes.has(provinceCode)) fail(`district ${d.code} has unknown province id ${d.province_id}`);
  const fix = DISTRICT_FIX[d.code] ?? {};
  const row = { code: fix.code ?? d.code, provinceCode, th: fix.th ?? tidyTh(d.name_in_thai), en: fix.en ?? tidyEn(d.name_in_english) };
  // Not real อำเภอ: branch offices (…สาขา), local-government rows (ท้องถิ่น…), and the xx50+ codes DOPA uses for them.
  if (/สาขา$|^ท้องถิ่น|\*/.test(row.th) || row.code % 100 >= 50) {
    console.log(`skip district ${row.code} ${row.th}: not an อำเภอ`);
    continue;
  }
  if (Math.floor(row.code / 100) !== provinceCode) fail(`district ${row.code} is not in province ${provinceCode}`);
  if (seenCodes.has(row.code)) fail(`duplicate district code ${row.code}`);
  if (!/^[\u0E00-\u0E7F-]+$/.test(row.th)) fail(`district ${row.code}: odd Thai name "${row.th}"`);
  if (!/^[A-Z][A-Za-z-]*( [A-Z][A-Za-z-]*)*$/.test(row.en)) fail(`district ${row.code}: odd English name "${row.en}"`);
  const enKey = `${provinceCode}:${row.en}`;
  if (seenEn.has(enKey) && !SAME_EN_OK.has(enKey)) fail(`district ${row.code}: English name "${row.en}" repeated`);
  seenCodes.add(row.code);
  seenEn.add(enKey);
  districtRows.push(row);
}
districtRows.sort((a, b) => a.code - b.code);
for (const code of provinceCodes) {
  if (!districtRows.some((d) => d.provinceCode === code)) fail(`province ${code} has no district`);
}
for (const code of Object.keys(DISTRICT_FIX)) {
  if (!districts.some((d) => d.code === Number(code))) fail(`fix for ${code} matches no district: package changed?`);
}

const csv = (header, rows) => `${header}\n${rows.map((r) => r.join(',')).join('\n')}\n`;
writeFileSync(new URL('provinces.csv', here), csv('code,name_th,name_en,zone', provinceRows.map((p) => [p.code, p.th, p.en, p.zone])));
writeFileSync(
  new URL('districts.csv', here),
  csv('code,province_code,name_th,name_en', districtRows.map((d) => [d.code, d.provinceCode, d.th, d.en])),
);
// ตำบล of every district kept above, under the district's (corrected) code; a tambon whose code does not start with
// its district's code (DOPA moved it) is kept under the district it is listed in, and counted.
const keptDistricts = new Set(districtRows.map((d) => d.code));
const fixedCodeOfId = new Map(districts.map((d) => [d.id, DISTRICT_FIX[d.code]?.code ?? d.code]));
let movedTambons = 0;
const seenTambon = new Set();
const tambonRows = subDistricts
  .map((t) => ({
    code: t.code,
    districtCode: fixedCodeOfId.get(t.district_id),
    th: tidyTh(t.name_in_thai).replace(/\(เทศบาล[^)]*\)$/, ''), // "ท่าเรือ(เทศบาลเมืองพระแท่น)" is ท่าเรือ
    en: tidyEn(t.name_in_english),
  }))
  .filter((t) => keptDistricts.has(t.districtCode))
  .filter((t) => {
    // a few rows are notes, not names (digits, "*", "อยู่นอก…"): left out, and listed
    if (/^[\u0E00-\u0E7F][\u0E00-\u0E7F.-]*$/.test(t.th) && !/อยู่นอก|^เทศบาล/.test(t.th)) return true; // จ.ป.ร., แป-ระ are names
    console.log(`skip tambon ${t.code} "${t.th}": not a name`);
    return false;
  })
  .filter((t) => {
    // the package repeats a few tambons; keep one row per (district, Thai name)
    const key = `${t.districtCode}:${t.th}`;
    if (seenTambon.has(key)) return false;
    seenTambon.add(key);
    return true;
  })
  .sort((a, b) => a.code - b.code);
for (const t of tambonRows) {
  if (Math.floor(t.code / 100) !== t.districtCode) movedTambons += 1;
}
for (const d of districtRows) {
  if (!tambonRows.some((t) => t.districtCode === d.code)) console.log(`district ${d.code} ${d.th} has no tambon in the package`);
}
writeFileSync(
  new URL('tambons.csv', here),
  csv('code,district_code,name_th,name_en', tambonRows.map((t) => [t.code, t.districtCode, t.th, t.en])),
);
console.log(`${movedTambons} tambons listed under a district whose code they do not start with`);
console.log(`skipped ${skippedBangkok} Bangkok เขต`);
console.log(`wrote ${provinceRows.length} provinces, ${districtRows.length} districts, ${tambonRows.length} tambons`);
