import type { Service } from '../domain/service';
import type { Regi, Scope, UnitStatus } from '../domain/unit';
import type { RegisterColumn } from './columns';
import type { RegisterProblem } from './problem';

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

export type RegisterParseResult =
  | { ok: true; rows: RegisterRow[]; format: 'csv' | 'json'; delimiter: ',' | ';' | null }
  | { ok: false; problems: RegisterProblem[] };

/**
 * A row as read from the file, before its values are checked: CSV gives every value as text (lists
 * still joined with "|"), JSON gives lists as arrays. Only non-empty values are present.
 */
export interface RawRow {
  line: number;
  values: Map<RegisterColumn, string | readonly string[]>;
  /** Columns whose value the reader already reported as unreadable: not reported again as missing. */
  unreadable?: ReadonlySet<RegisterColumn>;
}

/** What a reader (CSV or JSON) hands to validation. */
export interface ReadResult {
  rows: RawRow[];
  /** The columns the file has; a required column missing here is reported once, not on every row. */
  columns: ReadonlySet<RegisterColumn>;
  problems: RegisterProblem[];
  /** The CSV delimiter found in the header; null for JSON. */
  delimiter: ',' | ';' | null;
}
