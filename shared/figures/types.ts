import type { Service } from '../domain/service';
import type { RegisterProblem } from '../register/problem';
import type { FigureColumn } from './columns';
import type { PeriodKind } from './period';

/** Which register field `enhet` names the unit by; read from the id's shape. */
export type UnitKeyKind = 'hsa' | 'kolada_ou' | 'register_id';

export interface FigureUnitKey {
  kind: UnitKeyKind;
  /** HSA and Kolada ids in capitals; a register id as written, with spaces collapsed. */
  id: string;
}

/**
 * Whose figure a row is: a unit's, the huvudman's own comparison figure (enhet empty: `kommun` or
 * `region` after the huvudman's kind), or the country's (huvudman `riket`).
 */
export type FigureScope = 'unit' | 'kommun' | 'region' | 'riket';

/** The huvudman value of a national figure. `00` is read as this too. */
export const RIKET = 'riket';

/** One valid row of a figures file, in English field names. */
export interface FigureRow {
  /** Where the row starts in the file (header = line 1); in the JSON form its position in `rows` from 1. */
  line: number;
  scope: FigureScope;
  /** Kommun or region code, or "riket". */
  huvudman: string;
  service: Service;
  /** The unit, for scope "unit"; null for a comparison figure. */
  unit: FigureUnitKey | null;
  indicatorId: string;
  /** Canonical: "2025", "2025-H1", "2025-Q3", "2025-10". */
  period: string;
  periodKind: PeriodKind;
  /** Null exactly when `missingReason` is set. */
  value: number | null;
  /** Set when the figure is behind fewer than the indicator's reporting threshold: never shown. */
  missingReason: 'too_few_respondents' | null;
  /** `antal`: respondents or cases behind the figure; null when the file does not say. */
  count: number | null;
  /** Null when not given, and always null for a withheld figure. */
  confidenceInterval: { low: number; high: number } | null;
  source: { name: string; url: string };
  /** YYYY-MM-DD. */
  publishedAt: string;
  /** The set the row belongs to, see figureSetKey. */
  setKey: string;
  /** Unique within a valid file, see figureKey. */
  key: string;
}

/**
 * The file is the complete set of its source's figures for each (huvudman, tjänst, indikator, period) it
 * contains: a figure stored earlier for such a set and missing from the file is gone.
 */
export interface FigureSet {
  huvudman: string;
  service: Service;
  indicatorId: string;
  period: string;
  /** figureSetKey of the four above. */
  key: string;
}

export type FiguresParseResult =
  | {
      ok: true;
      rows: FigureRow[];
      /** Every set the file replaces, in the order first met. */
      sets: FigureSet[];
      format: 'csv' | 'json' | 'table';
      delimiter: ',' | ';' | null;
    }
  | { ok: false; problems: RegisterProblem[] };

/** A row as read, before its values are checked: every value as text; only non-empty values are present. */
export interface RawFigureRow {
  line: number;
  values: Map<FigureColumn, string>;
  /** Columns whose value the reader already reported as unreadable: not reported again as missing. */
  unreadable?: ReadonlySet<FigureColumn>;
}

export interface FigureReadResult {
  rows: RawFigureRow[];
  /** The columns the file has; a required column missing here is reported once, on the header. */
  columns: ReadonlySet<FigureColumn>;
  problems: RegisterProblem[];
}
