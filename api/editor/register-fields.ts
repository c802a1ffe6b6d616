import {
  REGISTER_COLUMNS,
  REGISTER_FORMAT,
  REGISTER_VERSION,
  type RegisterColumn,
} from '../../shared/register';
import type { units } from '../db/schema';
import type { Cell } from '../export/csv';
import type { UnitFields } from '../register/diff';

/**
 * A stored unit written back in the register format's own columns, for the editor's download and for
 * rewriting the register (a Kolada link). What comes out must read back, through `parseRegister`, as
 * the same unit: downloading and re-uploading an unchanged register changes nothing.
 */

export type StoredUnit = typeof units.$inferSelect;

/** The register column of each stored field, so a change is shown under the name the editor's file uses. */
export const FIELD_COLUMN: Record<keyof UnitFields, RegisterColumn> = {
  registerId: 'id',
  name: 'namn',
  regi: 'regi',
  organisationsnummer: 'organisationsnummer',
  aliases: 'alias',
  areas: 'omraden',
  scope: 'omfattning',
  languages: 'sprak',
  extraServices: 'tillaggstjanster',
  acceptsNewClients: 'tar_emot_nya',
  hsaId: 'hsa_id',
  koladaOu: 'kolada_ou',
  website: 'webbplats',
  phone: 'telefon',
  address: 'adress',
  verifiedAt: 'verifierad',
  status: 'status',
  statusDate: 'status_datum',
};

export type RegisterValue = string | readonly string[] | boolean | null;

/** A unit's value in every register column (lists as lists, yes/no as a boolean, nothing as null). */
export function registerValues(unit: StoredUnit): Record<RegisterColumn, RegisterValue> {
  const values = { huvudman: unit.huvudman, tjanst: unit.service } as Record<RegisterColumn, RegisterValue>;
  for (const [field, column] of Object.entries(FIELD_COLUMN) as [keyof UnitFields, RegisterColumn][]) {
    values[column] = unit[field] ?? null;
  }
  // kolada_ou is one text in the register (several survey units separated by "|"), a list when stored.
  values.kolada_ou = unit.koladaOu.length > 0 ? unit.koladaOu.join('|') : null;
  // An active unit's status date is not part of the register (the import ignores it too).
  if (unit.status !== 'avslutad') values.status_datum = null;
  return values;
}

/** One CSV row: lists joined with "|", yes/no as ja/nej, missing as an empty cell. */
export function registerCsvCells(unit: StoredUnit): Cell[] {
  const values = registerValues(unit);
  return REGISTER_COLUMNS.map((column) => {
    const value = values[column];
    return Array.isArray(value) ? value.join('|') : (value as Cell);
  });
}

/** The JSON form of a register with the given units, `{ format, version, rows }`. */
export function registerJson(list: readonly StoredUnit[]): string {
  const rows = list.map((unit) => {
    const values = registerValues(unit);
    return Object.fromEntries(REGISTER_COLUMNS.filter((c) => values[c] !== null).map((c) => [c, values[c]]));
  });
  return JSON.stringify({ format: REGISTER_FORMAT, version: REGISTER_VERSION, rows });
}
