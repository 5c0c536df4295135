// Seed target tables (copies of ../shared/data, so tests do not need /work/shared) and the reference units.
import { readFileSync } from 'node:fs';
import { parseCsvCells as csvCells } from '../../src/cli/read-sheet.js';
import type { UnitRef } from '../../src/domain/targets/index.js';
import { loadDistricts, loadProvinces } from '../../src/seed/reference-data.js';

export const fixture = (name: string) => new URL(`../fixtures/targets/${name}`, import.meta.url);
export const fixtureRows = (name: string): string[][] => csvCells(readFileSync(fixture(name), 'utf8'));

const provinces = loadProvinces();
const provinceName = new Map(provinces.map((p) => [p.code, p.nameTh]));
export const provinceUnits: UnitRef[] = provinces.map((p) => ({ kind: 'province', code: p.code, nameTh: p.nameTh, provinceNameTh: p.nameTh }));
export const districtUnits = (provinceCode?: number): UnitRef[] =>
  loadDistricts()
    .filter((d) => provinceCode === undefined || d.provinceCode === provinceCode)
    .map((d) => ({ kind: 'district', code: d.code, nameTh: d.nameTh, provinceNameTh: provinceName.get(d.provinceCode)! }));
