import { describe, expect, it } from 'vitest';
import { loadDistricts, loadProvinces, loadZones } from '../../src/seed/reference-data.js';

// Independent expectation: [DOPA code, Thai name as in the fiscal-2561 letter, zone, number of อำเภอ].
// District counts checked by hand against the official counts (e.g. นครราชสีมา 32, เชียงใหม่ 25 with
// กัลยาณิวัฒนา, ขอนแก่น 26 with เวียงเก่า, บึงกาฬ 8, ฉะเชิงเทรา 11): no disagreement with the dataset.
const EXPECTED: [number, string, number, number][] = [
  [11, 'สมุทรปราการ', 3, 6], [12, 'นนทบุรี', 1, 6], [13, 'ปทุมธานี', 1, 7], [14, 'พระนครศรีอยุธยา', 1, 16],
  [15, 'อ่างทอง', 2, 7], [16, 'ลพบุรี', 2, 11], [17, 'สิงห์บุรี', 2, 6], [18, 'ชัยนาท', 2, 8],
  [19, 'สระบุรี', 1, 13], [20, 'ชลบุรี', 9, 11], [21, 'ระยอง', 9, 8], [22, 'จันทบุรี', 9, 10],
  [23, 'ตราด', 9, 7], [24, 'ฉะเชิงเทรา', 3, 11], [25, 'ปราจีนบุรี', 3, 7], [26, 'นครนายก', 3, 4],
  [27, 'สระแก้ว', 3, 9], [30, 'นครราชสีมา', 14, 32], [31, 'บุรีรัมย์', 14, 23], [32, 'สุรินทร์', 14, 17],
  [33, 'ศรีสะเกษ', 13, 22], [34, 'อุบลราชธานี', 13, 25], [35, 'ยโสธร', 13, 9], [36, 'ชัยภูมิ', 14, 16],
  [37, 'อำนาจเจริญ', 13, 7], [38, 'บึงกาฬ', 10, 8], [39, 'หนองบัวลำภู', 10, 6], [40, 'ขอนแก่น', 12, 26],
  [41, 'อุดรธานี', 10, 20], [42, 'เลย', 10, 14], [43, 'หนองคาย', 10, 9], [44, 'มหาสารคาม', 12, 13],
  [45, 'ร้อยเอ็ด', 12, 20], [46, 'กาฬสินธุ์', 12, 18], [47, 'สกลนคร', 11, 18], [48, 'นครพนม', 11, 12],
  [49, 'มุกดาหาร', 11, 7], [50, 'เชียงใหม่', 15, 25], [51, 'ลำพูน', 15, 8], [52, 'ลำปาง', 15, 13],
  [53, 'อุตรดิตถ์', 17, 9], [54, 'แพร่', 16, 8], [55, 'น่าน', 16, 15], [56, 'พะเยา', 16, 9],
  [57, 'เชียงราย', 16, 18], [58, 'แม่ฮ่องสอน', 15, 7], [60, 'นครสวรรค์', 18, 15], [61, 'อุทัยธานี', 18, 8],
  [62, 'กำแพงเพชร', 18, 11], [63, 'ตาก', 17, 9], [64, 'สุโขทัย', 17, 9], [65, 'พิษณุโลก', 17, 9],
  [66, 'พิจิตร', 18, 12], [67, 'เพชรบูรณ์', 17, 11], [70, 'ราชบุรี', 4, 10], [71, 'กาญจนบุรี', 4, 13],
  [72, 'สุพรรณบุรี', 4, 10], [73, 'นครปฐม', 4, 7], [74, 'สมุทรสาคร', 5, 3], [75, 'สมุทรสงคราม', 5, 3],
  [76, 'เพชรบุรี', 5, 8], [77, 'ประจวบคีรีขันธ์', 5, 8], [80, 'นครศรีธรรมราช', 6, 23], [81, 'กระบี่', 7, 8],
  [82, 'พังงา', 7, 8], [83, 'ภูเก็ต', 7, 3], [84, 'สุราษฎร์ธานี', 6, 19], [85, 'ระนอง', 7, 5],
  [86, 'ชุมพร', 6, 8], [90, 'สงขลา', 8, 16], [91, 'สตูล', 8, 7], [92, 'ตรัง', 7, 10],
  [93, 'พัทลุง', 6, 11], [94, 'ปัตตานี', 8, 12], [95, 'ยะลา', 8, 8], [96, 'นราธิวาส', 8, 13],
];

/** Provinces per zone in the letter: zone 1 … zone 18. */
const PROVINCES_PER_ZONE = [4, 4, 5, 4, 4, 4, 5, 5, 4, 5, 3, 4, 4, 4, 4, 4, 5, 4];

const provinces = loadProvinces();
const districts = loadDistricts();

describe('provinces', () => {
  it('are the 76 provinces of the fiscal-2561 letter, Bangkok excluded, with code, name and zone', () => {
    expect(provinces).toHaveLength(76);
    expect(provinces.map((p) => [p.code, p.nameTh, p.zoneId])).toEqual(EXPECTED.map(([c, n, z]) => [c, n, z]));
    expect(provinces.some((p) => p.code === 10 || p.nameTh === 'กรุงเทพมหานคร')).toBe(false);
  });

  it('have English names', () => {
    const en = new Map(provinces.map((p) => [p.code, p.nameEn]));
    expect(en.get(24)).toBe('Chachoengsao');
    expect(en.get(11)).toBe('Samut Prakan');
    expect(en.get(27)).toBe('Sa Kaeo');
    expect(en.get(14)).toBe('Phra Nakhon Si Ayutthaya');
    expect(en.get(38)).toBe('Bueng Kan');
    expect(new Set(en.values()).size).toBe(76);
  });

  it('fall into 18 zones with the letter’s province counts', () => {
    const zones = loadZones();
    expect(zones).toEqual(PROVINCES_PER_ZONE.map((_, i) => ({ id: i + 1, nameTh: `เขต ${i + 1}` })));
    const counts = zones.map((z) => provinces.filter((p) => p.zoneId === z.id).length);
    expect(counts).toEqual(PROVINCES_PER_ZONE);
  });
});

describe('districts', () => {
  it('number 878 (928 nationwide less Bangkok’s 50 เขต)', () => {
    expect(districts).toHaveLength(878);
    expect(EXPECTED.reduce((sum, [, , , n]) => sum + n, 0)).toBe(878);
  });

  it('match the expected count in every province', () => {
    for (const [code, name, , count] of EXPECTED) {
      expect([name, districts.filter((d) => d.provinceCode === code).length]).toEqual([name, count]);
    }
  });

  it('have unique codes that start with an existing province code', () => {
    const codes = new Set(provinces.map((p) => p.code));
    expect(new Set(districts.map((d) => d.code)).size).toBe(districts.length);
    for (const d of districts) {
      expect(codes.has(d.provinceCode), `${d.code}`).toBe(true);
      expect(Math.floor(d.code / 100), `${d.code}`).toBe(d.provinceCode);
      expect(d.code % 100, `${d.code} is a branch-office code`).toBeLessThan(50);
    }
  });

  it('have clean Thai names (no อำเภอ/เขต prefix, no สาขา) and English names', () => {
    for (const d of districts) {
      expect(d.nameTh, `${d.code}`).not.toMatch(/^(อำเภอ|เขต|กิ่งอำเภอ)|สาขา|\s/);
      expect(d.nameEn, `${d.code}`).toMatch(/^[A-Z]/);
    }
    const seen = new Set<string>();
    for (const d of districts) {
      const key = `${d.provinceCode}:${d.nameTh}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
    }
  });

  it('include the corrected entries of the source dataset', () => {
    const byCode = new Map(districts.map((d) => [d.code, [d.nameTh, d.nameEn]]));
    expect(byCode.get(2409)).toEqual(['แปลงยาว', 'Plaeng Yao']);
    expect(byCode.get(3801)).toEqual(['เมืองบึงกาฬ', 'Mueang Bueng Kan']);
    expect(byCode.get(4029)).toEqual(['เวียงเก่า', 'Wiang Kao']);
    expect(byCode.has(4026)).toBe(false);
    expect(byCode.get(4906)).toEqual(['หว้านใหญ่', 'Wan Yai']);
    expect(byCode.get(5025)).toEqual(['กัลยาณิวัฒนา', 'Galyani Vadhana']);
    expect(byCode.get(5602)).toEqual(['จุน', 'Chun']);
    expect(byCode.get(9603)).toEqual(['บาเจาะ', 'Bacho']);
  });

  it('of ฉะเชิงเทรา are 2401–2411', () => {
    const chachoengsao = districts.filter((d) => d.provinceCode === 24);
    expect(chachoengsao.map((d) => d.code)).toEqual([2401, 2402, 2403, 2404, 2405, 2406, 2407, 2408, 2409, 2410, 2411]);
    expect(chachoengsao[0]).toEqual({ code: 2401, provinceCode: 24, nameTh: 'เมืองฉะเชิงเทรา', nameEn: 'Mueang Chachoengsao' });
  });
});
