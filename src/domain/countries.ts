// Export destinations matched against the ISO 3166 country list with its Thai names (i18n-iso-countries), so a
// typed "ดาวอังคาร" is never stored as a country. Common short names (พม่า, อเมริกา, เกาหลี …) are aliases.
import countries from 'i18n-iso-countries';
import th from 'i18n-iso-countries/langs/th.json' with { type: 'json' };
import { closest, fold } from './fuzzy.js';

countries.registerLocale(th);

export interface Country {
  /** ISO 3166-1 alpha-2. */
  code: string;
  /** The Thai name shown and stored, e.g. "ญี่ปุ่น". */
  nameTh: string;
  /** Every name it answers to (Thai, English, aliases). */
  names: string[];
}

/** Shorter or more usual Thai names than the package's, and everyday aliases. */
const DISPLAY: Record<string, string> = { MM: 'เมียนมา', HK: 'ฮ่องกง', US: 'สหรัฐอเมริกา', KR: 'เกาหลีใต้', MO: 'มาเก๊า' };
const ALIASES: Record<string, string[]> = {
  MM: ['พม่า', 'เมียนมาร์', 'เมียนม่า'],
  US: ['อเมริกา', 'สหรัฐ', 'สหรัฐฯ', 'usa', 'us', 'america'],
  KR: ['เกาหลี', 'korea'],
  GB: ['อังกฤษ', 'uk', 'england'],
  AE: ['ยูเออี', 'uae', 'ดูไบ'],
  CN: ['ประเทศจีน', 'china'],
  NL: ['ฮอลแลนด์'],
  LA: ['สปป.ลาว', 'laos'],
  VN: ['vietnam'],
};

const th_ = countries.getNames('th', { select: 'all' });
const en_ = countries.getNames('en', { select: 'all' });

/** All countries, by Thai name. */
export const COUNTRIES: readonly Country[] = Object.keys(th_)
  .map((code) => {
    const thNames = (th_[code] ?? []).flatMap((n) => n.split(/\s*[[\]]\s*/)).filter(Boolean);
    const nameTh = DISPLAY[code] ?? thNames[0] ?? code;
    return { code, nameTh, names: [nameTh, ...thNames, ...(en_[code] ?? []), ...(ALIASES[code] ?? [])] };
  })
  .sort((a, b) => a.nameTh.localeCompare(b.nameTh, 'th'));

const BY_NAME = new Map<string, Country>();
for (const c of COUNTRIES) for (const n of c.names) if (!BY_NAME.has(fold(n))) BY_NAME.set(fold(n), c);

/** The country named exactly (ignoring spaces, case and a leading "ประเทศ"), or null. */
export function findCountry(typed: string): Country | null {
  const t = fold(typed.trim().replace(/^ประเทศ\s*/, ''));
  return BY_NAME.get(t) ?? null;
}

/** Up to `limit` countries whose names are closest to the typed text (for "did you mean" buttons). */
export function closestCountries(typed: string, limit = 4): Country[] {
  return closest(typed.trim().replace(/^ประเทศ\s*/, ''), COUNTRIES, (c) => c.names, limit);
}

export type CountriesRead =
  | { ok: true; names: string[] }
  /** `unknown` is the first piece that names no country; `suggestions` its closest matches. */
  | { ok: false; unknown: string; known: string[]; suggestions: Country[] };

/** Reads "ญี่ปุ่น, จีน" (comma, "และ" or "/" separated) into Thai country names. */
export function readCountries(typed: string): CountriesRead {
  const pieces = typed.split(/\s*(?:,|、|\/|\n)\s*|\s+และ\s+/).map((p) => p.trim()).filter(Boolean);
  const known: string[] = [];
  for (const p of pieces) {
    const c = findCountry(p);
    if (!c) return { ok: false, unknown: p, known, suggestions: closestCountries(p) };
    if (!known.includes(c.nameTh)) known.push(c.nameTh);
  }
  return { ok: true, names: known };
}
