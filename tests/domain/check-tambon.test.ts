// checkTambon (src/domain/places.ts) over an in-memory Places: the domain needs neither the database nor LINE to
// decide what a typed ตำบล is. Table-driven; the chat behaviour is in tests/registry/tambon-chat.test.ts.
import { describe, expect, it } from 'vitest';
import { checkTambon, type DistrictPlace, type Places } from '../../src/domain/places.js';

const D: Record<number, DistrictPlace & { tambons: string[] | null }> = {
  2404: { districtId: 2404, districtName: 'บางปะกง', provinceId: 24, provinceName: 'ฉะเชิงเทรา', tambons: ['บางปะกง', 'ท่าสะอ้าน', 'บางวัว', 'หอมศีล', 'ท่าข้าม'] },
  2403: { districtId: 2403, districtName: 'บางน้ำเปรี้ยว', provinceId: 24, provinceName: 'ฉะเชิงเทรา', tambons: ['บางน้ำเปรี้ยว', 'โยธะกา', 'ท่าข้าม'] },
  1101: { districtId: 1101, districtName: 'เมืองสมุทรปราการ', provinceId: 11, provinceName: 'สมุทรปราการ', tambons: ['ปากน้ำ', 'ท่าข้าม'] },
  1102: { districtId: 1102, districtName: 'บางบ่อ', provinceId: 11, provinceName: 'สมุทรปราการ', tambons: ['บางวัว', 'ท่าข้าม'] },
  9999: { districtId: 9999, districtName: 'ไม่มีรายชื่อ', provinceId: 99, provinceName: 'ทดสอบ', tambons: null },
  5001: { districtId: 5001, districtName: 'ไกล', provinceId: 50, provinceName: 'เชียงใหม่', tambons: ['ดอยแก้ว'] },
};
const places: Places = {
  district: async (id) => D[id] ?? null,
  tambonsOf: async (id) => D[id]?.tambons ?? null,
  districtsWithTambon: async (name) => Object.values(D).filter((d) => d.tambons?.includes(name.replace(/\s/g, ''))),
};

describe('checkTambon', () => {
  const cases: [string, number, string, unknown][] = [
    ['an exact name', 2404, 'หอมศีล', { kind: 'ok', name: 'หอมศีล', listed: true }],
    ['a prefix and spaces', 2404, 'ต. ท่า สะอ้าน', { kind: 'ok', name: 'ท่าสะอ้าน', listed: true }],
    ['"ตำบล" before the name', 2404, 'ตำบลบางวัว', { kind: 'ok', name: 'บางวัว', listed: true }],
    ['a misspelling: the closest', 2404, 'หอมศิล', { kind: 'unknown', typed: 'หอมศิล', closest: ['หอมศีล'] }],
    ['nothing alike: no closest', 2404, 'ดาวอังคาร', { kind: 'unknown', typed: 'ดาวอังคาร', closest: [] }],
    ['another district of the province', 2404, 'โยธะกา', { kind: 'elsewhere', typed: 'โยธะกา', districts: [expect.objectContaining({ districtName: 'บางน้ำเปรี้ยว' })], closest: [] }],
    ['only in another province (few): named', 2404, 'ดอยแก้ว', { kind: 'elsewhere', typed: 'ดอยแก้ว', districts: [expect.objectContaining({ provinceName: 'เชียงใหม่' })], closest: [] }],
    ['a district without a list: any name', 9999, 'บ้านใหม่', { kind: 'ok', name: 'บ้านใหม่', listed: false }],
    ['digits', 2404, '12345', { kind: 'invalid' }],
    ['Thai digits', 2404, 'ท่า๑', { kind: 'invalid' }],
    ['one letter', 2404, 'ก', { kind: 'invalid' }],
  ];
  it.each(cases)('%s', async (_, district, typed, expected) => {
    expect(await checkTambon(places, district, typed)).toEqual(expected);
  });

  it('names the province’s own districts first, others only when few (a common name everywhere is just unknown)', async () => {
    const ids = (r: Awaited<ReturnType<typeof checkTambon>>) => (r.kind === 'elsewhere' ? r.districts.map((d) => d.districtId) : r.kind);
    expect(ids(await checkTambon(places, 2403, 'บางวัว'))).toEqual([2404]); // also in 1102, another province
    expect(ids(await checkTambon(places, 2404, 'ปากน้ำ'))).toEqual([1101]); // only in another province
    expect(ids(await checkTambon(places, 5001, 'ท่าข้าม'))).toBe('unknown'); // in four districts of other provinces
  });
});
