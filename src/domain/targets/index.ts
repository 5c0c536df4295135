// Targets, score levels and standings — the API reports (รต.4, target/score report) and reminders call.
// Stable: add, do not rename. Pure parts: scoring.ts, standing.ts, table.ts; database parts: queries.ts,
// standing-query.ts, import.ts.
export { BELOW_LEVEL_ONE_TH, DEFAULT_THREE_TIER_SCORES, THREE_TIERS, growthCount, growthThreshold, scoreOf, tierOf, unorderedTiers } from './scoring.js';
export type { Score, ScoredTarget, TargetKindName, TargetRoundName, ThreeTier, Tier } from './scoring.js';
export { growthBasisPoints, standing } from './standing.js';
export type { Standing, StandingInput, TierBar } from './standing.js';
export { confirmedStatuses, roundFigures, standingOf } from './standing-query.js';
export type { RoundFigures, Viewer } from './standing-query.js';
export { listTargetSets, loadTarget, unitsForImport } from './queries.js';
export type { UnitKey } from './queries.js';
export { saveTargets } from './import.js';
export type { ImportSummary } from './import.js';
export { parseTargetTable, tableUnitKind } from './table.js';
export type { ParsedLevel, ParsedTarget, TableOptions, TableProblem, TableResult } from './table.js';
export { closestNames, matchUnit, normaliseUnitName } from './unit-match.js';
export type { UnitMatch, UnitRef } from './unit-match.js';
export { myStanding, provinceWithDistricts, rankOrder, unitStanding, viewerOf } from './views.js';
export type { UnitStanding } from './views.js';
export { estimateGap, evenSplit } from './estimate-split.js';
export { parseEstimateTable } from './estimate-table.js';
export type { EstimateTableResult, ParsedEstimate } from './estimate-table.js';
export { certifyEstimate, correctEstimate, planEvenSplit, remainingMonths, saveEstimates } from './estimate-writes.js';
export type { EstimateInput, SaveSummary, SplitPlan, SplitRow } from './estimate-writes.js';
export { districtEstimate, estimateSheet, provinceEstimates } from './estimates.js';
export type { DistrictEstimateView, EstimateAnswerName, EstimateMonthFigures, EstimateSheet, EstimateSheetRow } from './estimates.js';
