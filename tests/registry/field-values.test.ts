// Editing a producer in chat reads each field with the import's rules (pure: the reference data as a PlaceIndex).
import { describe, expect, it } from 'vitest';
import { PlaceIndex } from '../../src/domain/registry/place-index.js';
import { readFieldValue, type EditableField } from '../../src/domain/registry/upkeep.js';

const index = new PlaceIndex({
  provinces: [{ id: 24, nameTh: 'ฉะเชิงเทรา' }],
  districts: [{ id: 2403, nameTh: 'บางน้ำเปรี้ยว', provinceId: 24 }, { id: 2499, nameTh: 'ไม่มีรายชื่อตำบล', provinceId: 24 }],
  tambons: new Map([[2403, ['โยธะกา', 'ดอนเกาะกา', 'บางขนาก']]]),
});
const read = (field: EditableField, typed: string, districtId = 2403) => readFieldValue(field, typed, { index, districtId });

describe('reading an edited field as the import reads a cell', () => {
  it.each<[EditableField, string, unknown]>([
    ['name', '  กลุ่มจักสาน   ไม้ไผ่ ', { field: 'name', value: 'กลุ่มจักสาน ไม้ไผ่', shown: 'กลุ่มจักสาน ไม้ไผ่' }],
    ['type', 'รายเดียว', { field: 'type', value: 'SINGLE_OWNER', shown: 'ผู้ผลิตชุมชนที่เป็นเจ้าของรายเดียว' }],
    ['type', 'SMEs', { field: 'type', value: 'SME', shown: expect.stringContaining('SME') }],
    ['categories', 'อาหาร, เครื่องดื่ม, อาหาร', { field: 'categories', value: ['FOOD', 'DRINK'], shown: 'อาหาร, เครื่องดื่ม' }],
    ['tambon', 'ต.ดอนเกาะกา', { field: 'tambon', value: 'ดอนเกาะกา', shown: 'ดอนเกาะกา' }],
    ['phone', '๐๘๑-๒๓๔-๕๖๗๘', { field: 'phone', value: '0812345678', shown: '0812345678' }],
    ['phone', '38511234', { field: 'phone', value: '038511234', shown: '038511234' }],
    ['phone', '-', { field: 'phone', value: null, shown: 'ไม่ระบุ' }],
  ])('%s "%s" is accepted', (field, typed, value) => {
    expect(read(field, typed)).toEqual({ ok: true, value });
  });

  it.each<[EditableField, string, RegExp]>([
    ['name', 'ab', /ชื่อต้องยาว 3–200/],
    ['name', '12345', /ไม่ใช่ตัวเลขล้วน/],
    ['type', 'สหกรณ์', /ไม่รู้จักประเภท/],
    ['categories', 'อาหาร, ขนม', /ไม่รู้จักประเภทผลิตภัณฑ์ "ขนม"/],
    ['categories', ' , ', /อย่างน้อย 1 ประเภท/],
    ['tambon', 'โยธกา', /ไม่พบตำบล "โยธกา" ในอำเภอนี้ — ใกล้เคียง: โยธะกา/],
    ['phone', '12345', /เบอร์โทรศัพท์ไม่ถูกต้อง/],
  ])('%s "%s" is refused with a Thai reason', (field, typed, message) => {
    const r = read(field, typed);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it('takes any tambon in a district the reference data has no list for', () => {
    expect(read('tambon', 'ต.หนองใหม่', 2499)).toEqual({ ok: true, value: { field: 'tambon', value: 'หนองใหม่', shown: 'หนองใหม่' } });
  });
});
