// The reference data a register import checks names against: provinces and districts from the database, tambons
// from prisma/reference/tambons.csv (every district; the two the source lists no tambon for are not checked).
import type { Db, Tx } from '../db/client.js';
import { PlaceIndex } from '../domain/registry/place-index.js';
import { z } from 'zod';
import { readCsv } from './csv.js';

const TambonRow = z.object({ code: z.string(), district_code: z.coerce.number().int(), name_th: z.string().min(1), name_en: z.string() });

let cached: Map<number, string[]> | null = null;

/** Tambon names per district code, from the reference file (read once). */
export function tambonsByDistrict(): Map<number, string[]> {
  if (cached) return cached;
  const rows = readCsv(new URL('../../prisma/reference/tambons.csv', import.meta.url), TambonRow);
  const map = new Map<number, string[]>();
  for (const r of rows) {
    const list = map.get(r.district_code);
    if (list) list.push(r.name_th);
    else map.set(r.district_code, [r.name_th]);
  }
  cached = map;
  return map;
}

export async function loadPlaceIndex(db: Db | Tx): Promise<PlaceIndex> {
  const [provinces, districts] = await Promise.all([
    db.province.findMany({ select: { id: true, nameTh: true } }),
    db.district.findMany({ select: { id: true, nameTh: true, provinceId: true } }),
  ]);
  return new PlaceIndex({ provinces, districts, tambons: tambonsByDistrict() });
}
