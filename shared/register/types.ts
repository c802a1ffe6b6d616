import type { Service } from '../domain/service';
import type { Regi, Scope, UnitStatus } from '../domain/unit';
import type { RegisterColumn } from './columns';
import type { RegisterEncoding } from './decode';
import type { ProblemList, RegisterProblem } from './problem';

/** One valid row of a register, in the domain's English names. Unknown values are null or []. */
export interface RegisterRow {
  /** Where the row starts in the file (header = line 1); in the JSON form its position in `rows` from 1. */
  line: number;
  huvudman: string;
  service: Service;
  name: string;
  regi: Regi;
  verifiedAt: string;
  registerId: string | null;
  organisationsnummer: string | null;
  aliases: string[];
  areas: string[];
  scope: Scope[];
  /** ISO 639 codes of the languages staff speak besides Swedish. */
  languages: string[];
  extraServices: string[];
  acceptsNewClients: boolean | null;
  hsaId: string | null;
  /** Kolada OU ids (kolada_ou, several separated by "|"), in the file's order, without repeats. */
  koladaOu: string[];
  website: string | null;
  phone: string | null;
  address: string | null;
  status: UnitStatus;
  statusDate: string | null;
  /** Stable storage key, see identity.ts. */
  identityKey: string;
}

export type RegisterFormat = 'csv' | 'json' | 'xlsx';

/** How a file was read, so that a summary can say it ("CSV med semikolon, Windows-1252"). */
export interface RegisterFileInfo {
  /** null when the file could not be read far enough to tell. */
  format: RegisterFormat | null;
  /** The text encoding of a CSV or JSON file; null for XLSX and for text passed in as a string. */
  encoding: RegisterEncoding | null;
  /** The CSV delimiter found in the header; null for JSON and XLSX. */
  delimiter: ',' | ';' | null;
  /** The sheet an XLSX file was read from. */
  sheet: string | null;
}

export type RegisterParseResult =
  | ({ ok: true; rows: RegisterRow[] } & RegisterFileInfo & { format: RegisterFormat })
  | ({
      ok: false;
      /** The first MAX_LISTED_PROBLEMS problems, file-level ones first, then by line. */
      problems: RegisterProblem[];
      /** Every problem found; more than problems.length when the list was cut. */
      problemCount: number;
    } & RegisterFileInfo);

/**
 * A row as read from the file, before its values are checked: CSV gives every value as text (lists
 * still joined with "|"), JSON gives lists as arrays. Only non-empty values are present.
 */
export interface RawRow {
  line: number;
  values: Map<RegisterColumn, string | readonly string[]>;
  /** Columns whose value the reader already reported as unreadable: not reported again as missing. */
  unreadable?: ReadonlySet<RegisterColumn>;
  /** Spreadsheet only: the cell each value came from ("C7"), for problems. */
  cells?: Map<RegisterColumn, string>;
  /** Spreadsheet only: the columns whose cell held a number rather than text. */
  numeric?: ReadonlySet<RegisterColumn>;
}

/** What a reader (CSV or JSON) hands to validation. */
export interface ReadResult {
  rows: RawRow[];
  /** The columns the file has; a required column missing here is reported once, not on every row. */
  columns: ReadonlySet<RegisterColumn>;
  /** The reader's problems; validation adds its own to the same list. */
  problems: ProblemList;
  /** The CSV delimiter found in the header; null for JSON and XLSX. */
  delimiter: ',' | ';' | null;
  /** XLSX only: the sheet read. */
  sheet?: string | null;
}
