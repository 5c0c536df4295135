// The Places port (src/domain/places.ts) over the reference tables: districts and provinces from the database,
// tambons from prisma/reference/tambons.csv. Reference data does not change while the bot runs, so both are read
// once per process (per database handle).
import type { Db } from '../db/client.js';
import type { DistrictPlace, Places } from '../domain/places.js';
import { placeKey } from '../domain/registry/place-index.js';
import { tambonsByDistrict } from './place-index.js';

export function referencePlaces(db: Db): Places {
  let loaded: Promise<{ districts: Map<number, DistrictPlace>; byTambon: Map<string, number[]> }> | null = null;
  const load = () =>
    (loaded ??= (async () => {
      const rows = await db.district.findMany({ select: { id: true, nameTh: true, provinceId: true, province: { select: { nameTh: true } } } });
      const districts = new Map(rows.map((d) => [d.id, { districtId: d.id, districtName: d.nameTh, provinceId: d.provinceId, provinceName: d.province.nameTh }]));
      const byTambon = new Map<string, number[]>();
      for (const [districtId, names] of tambonsByDistrict()) {
        for (const n of names) byTambon.set(placeKey(n), [...(byTambon.get(placeKey(n)) ?? []), districtId]);
      }
      return { districts, byTambon };
    })().catch((err) => {
      loaded = null; // a database hiccup is not remembered
      throw err;
    }));
  return {
    async district(id) {
      return (await load()).districts.get(id) ?? null;
    },
    async tambonsOf(id) {
      return tambonsByDistrict().get(id) ?? null;
    },
    async districtsWithTambon(name) {
      const { districts, byTambon } = await load();
      return (byTambon.get(placeKey(name)) ?? []).flatMap((id) => districts.get(id) ?? []);
    },
  };
}
