// Thai names of the department's categories and producer types, as printed on forms รต.1–รต.3.
import type { ExportChannel, ProducerType, ProductCategory, Role, SalesStatus } from '../db/generated/enums.js';

export const CATEGORIES: readonly ProductCategory[] = ['FOOD', 'DRINK', 'TEXTILE', 'HOUSEHOLD', 'HERBAL'];

/** Full names (reports, cards). */
export const CATEGORY_TH: Record<ProductCategory, string> = {
  FOOD: 'อาหาร',
  DRINK: 'เครื่องดื่ม',
  TEXTILE: 'ผ้า เครื่องแต่งกาย',
  HOUSEHOLD: 'ของใช้ ของตกแต่ง ของที่ระลึก',
  HERBAL: 'สมุนไพรที่ไม่ใช่อาหาร',
};

/** Names that fit a quick-reply button (≤ 20 characters). */
export const CATEGORY_SHORT_TH: Record<ProductCategory, string> = {
  FOOD: 'อาหาร',
  DRINK: 'เครื่องดื่ม',
  TEXTILE: 'ผ้า/เครื่องแต่งกาย',
  HOUSEHOLD: 'ของใช้/ของที่ระลึก',
  HERBAL: 'สมุนไพรไม่ใช่อาหาร',
};

export const PRODUCER_TYPE_TH: Record<ProducerType, string> = {
  COMMUNITY_GROUP: 'กลุ่มผู้ผลิตชุมชน',
  SINGLE_OWNER: 'ผู้ผลิตชุมชนที่เป็นเจ้าของรายเดียว',
  SME: 'ผู้ประกอบการ SMEs',
};

export const PRODUCER_TYPE_SHORT_TH: Record<ProducerType, string> = {
  COMMUNITY_GROUP: 'กลุ่มผู้ผลิตชุมชน',
  SINGLE_OWNER: 'เจ้าของรายเดียว',
  SME: 'SMEs',
};

export const STATUS_TH: Record<SalesStatus, string> = {
  DRAFT: 'ร่าง',
  SUBMITTED: 'รอยืนยัน',
  DISTRICT_CONFIRMED: 'อำเภอยืนยันแล้ว',
  PROVINCE_CONFIRMED: 'จังหวัดยืนยันแล้ว',
  RETURNED: 'ส่งกลับแก้ไข',
};

export const EXPORT_CHANNEL_TH: Record<ExportChannel, string> = {
  SELF: 'จำหน่ายด้วยตนเอง',
  AGENT: 'ผ่านตัวแทน',
  WEBSITE: 'ผ่านเว็บไซต์',
};

export const ROLE_TH: Record<Role, string> = {
  PRODUCER: 'ผู้ผลิต/ผู้ประกอบการ',
  DISTRICT_OFFICER: 'เจ้าหน้าที่อำเภอ',
  PROVINCE_OFFICER: 'เจ้าหน้าที่จังหวัด',
  ZONE_ADMIN: 'ศูนย์ศึกษาและพัฒนาชุมชนเขต',
  DEPARTMENT_ADMIN: 'กรมการพัฒนาชุมชน',
};

/** The four amounts of an entry, in the order forms and questions use. */
export const CHANNELS = ['domesticOffline', 'domesticOnline', 'exportOffline', 'exportOnline'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_TH: Record<Channel, string> = {
  domesticOffline: 'ในประเทศ (หน้าร้าน/ออฟไลน์)',
  domesticOnline: 'ในประเทศ (ออนไลน์)',
  exportOffline: 'ส่งออก (ออฟไลน์)',
  exportOnline: 'ส่งออก (ออนไลน์)',
};
export type Amounts = Record<Channel, bigint>;
export const totalOf = (a: Amounts): bigint => a.domesticOffline + a.domesticOnline + a.exportOffline + a.exportOnline;
export const exportOf = (a: Amounts): bigint => a.exportOffline + a.exportOnline;
export const domesticOf = (a: Amounts): bigint => a.domesticOffline + a.domesticOnline;
