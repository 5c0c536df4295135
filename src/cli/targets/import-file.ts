// `targets import`: read a department sheet, parse it whole, and only when every row is right replace the targets
// in one transaction. Problems come back as Thai lines naming the sheet row and column; nothing is written then.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../db/client.js';
import { matchUnit, parseTargetTable, saveTargets, tableUnitKind, unitsForImport, type ImportSummary, type TableProblem, type TargetRoundName } from '../../domain/targets/index.js';
import { readSheet } from '../read-sheet.js';

export interface ImportRequest {
  file: string;
  fiscalYear: number;
  round?: TargetRoundName;
  /** Province name or code: limits district names to its districts. */
  province?: string;
  tierScores?: [number, number, number];
  allowUnorderedTiers?: boolean;
  source?: string;
  actorId?: number | null;
  now: Date;
}

export type ImportOutcome = { ok: true; summary: ImportSummary; units: number } | { ok: false; problems: TableProblem[] };

/** One problem as a line: "แถว 5 คอลัมน์ C (target_basic): …". */
export const problemLine = (p: TableProblem): string => `แถว ${p.row}${p.column ? ` คอลัมน์ ${p.column}` : ''}: ${p.message}`;

export async function importTargetFile(db: Db, req: ImportRequest): Promise<ImportOutcome> {
  let rows: string[][];
  try {
    rows = await readSheet(req.file, { cells: 'values' }, await readFile(req.file));
  } catch (e) {
    return { ok: false, problems: [{ row: 0, column: null, message: `อ่านไฟล์ไม่ได้: ${(e as Error).message}` }] };
  }
  const kind = tableUnitKind(rows) ?? 'district';
  let provinceId: number | null = null;
  if (req.province !== undefined) {
    const provinces = await db.$transaction((tx) => unitsForImport(tx, { kind: 'province' }));
    const m = matchUnit(req.province, provinces);
    if (!m.ok) return { ok: false, problems: [{ row: 0, column: null, message: `--province: ${m.message}` }] };
    provinceId = m.unit.code;
  }
  const units = await db.$transaction((tx) => unitsForImport(tx, kind === 'province' ? { kind } : { kind, provinceId }));
  const parsed = parseTargetTable(rows, { units, round: req.round, tierScores: req.tierScores, allowUnorderedTiers: req.allowUnorderedTiers });
  if (!parsed.ok) return parsed;
  const source = req.source ?? `นำเข้าจากไฟล์ ${path.basename(req.file)}`;
  const summary = await db.$transaction(
    (tx) => saveTargets(tx, { fiscalYear: req.fiscalYear, source, actorId: req.actorId ?? null, now: req.now, targets: parsed.targets }),
    { timeout: 60_000 },
  );
  return { ok: true, summary, units: parsed.targets.length };
}
