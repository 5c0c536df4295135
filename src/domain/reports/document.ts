// The one description of a report that both renderers (PDF and XLSX) draw: titles, a table with typed cells,
// notes saying what was left out, and the form's signature block. Built by the report builders next to this file,
// drawn by src/reports/pdf and src/reports/xlsx (which import these types from here: the layers point inward).

/**
 * A table cell: text, money in satang (`whole`: printed in whole baht, as forms that print whole baht do; builders set
 * it only when every amount of the form is whole baht, so no total can differ from its printed parts), a whole number,
 * a mark (√ when true), a percentage in tenths, or text spanning several columns.
 */
export type Cell =
  | string
  | { money: bigint; whole?: boolean }
  | { int: number }
  | { mark: boolean }
  | { tenthsPercent: bigint | null }
  /** Text across this column and the next `span − 1` (whose cells are null), e.g. one "ไม่มีค่าเป้าหมาย" over the tiers. */
  | { text: string; span: number }
  | null;

export interface HeaderCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
}

export interface Column {
  /** Relative width; the renderer scales columns to the page width. */
  width: number;
  align?: 'left' | 'center' | 'right';
  /** When set, this column of every row is the sum of these (0-based) columns of the same row (an XLSX formula). */
  sumOfColumns?: number[];
  /** Total rows of this column are not the sum of the body (e.g. the province's own target): no SUM formula. */
  noTotal?: boolean;
}

/** body rows are data; a subtotal sums the body rows since the previous subtotal; a total sums all body rows. */
export type RowKind = 'body' | 'subtotal' | 'total' | 'group';

export interface Row {
  kind: RowKind;
  cells: Cell[];
}

export interface TableSection {
  kind: 'table';
  header: HeaderCell[][];
  columns: Column[];
  rows: Row[];
}

export interface BarChartSection {
  kind: 'bar-chart';
  title: string;
  /** One group per unit: the actual value and the thresholds it is compared with, all in satang. */
  groups: { label: string; actual: bigint; tiers: bigint[] }[];
  tierLabels: string[];
}

export interface SignatureBlock {
  /** e.g. "ผู้รายงาน" */
  role: string;
  /** Printed name, or null for a blank line to fill in by hand. */
  name: string | null;
  /** e.g. "พัฒนาการอำเภอเมืองฉะเชิงเทรา" */
  position: string;
  /** Date line text, e.g. "5 ธันวาคม 2569", or null for a blank. */
  date: string | null;
}

export interface ReportDocument {
  /** Short machine name, e.g. "rt2"; used in file names. */
  type: string;
  /** Form code printed top right, e.g. "รต.2"; empty for none. */
  formCode: string;
  /** Centered title lines; the first is the form's heading. */
  title: string[];
  /** Paragraphs between the title and the table on the first page (a form's own wording, e.g. the certification's choices). */
  lead?: string[];
  orientation: 'portrait' | 'landscape';
  table: TableSection;
  /** Lines under the table: what the report left out and why, sources, remarks. */
  notes: string[];
  signature: SignatureBlock | null;
  chart?: BarChartSection;
}
