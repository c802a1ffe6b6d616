import { and, eq, ne } from 'drizzle-orm';
import { SERVICES, type Service } from '../../shared/domain';
import { swedishCollator } from '../../shared/domain/collation';
import {
  COLUMN_DEFINITIONS,
  isListColumn,
  LIST_SEPARATOR,
  REGISTER_COLUMNS,
  REGISTER_FORMAT,
  REGISTER_SHEET,
  REGISTER_VERSION,
  REQUIRED_COLUMNS,
  type RegisterColumn,
} from '../../shared/register';
import { limitText, plainText } from '../../shared/register/definitions';
import type { Database } from '../db/client';
import { units } from '../db/schema';
import type { UnitFields } from '../register/diff';
import { toCsv } from './csv';
import { writeXlsx } from './xlsx';

/**
 * The current register of a huvudman, written back in the register format for editors to keep in a
 * spreadsheet: every column, the active units in Swedish alphabetical order. Reading the written file
 * (parseRegister) and importing it changes nothing. Ended units are left out: an import leaves units
 * missing from the file ended, as they are.
 */
export type StoredUnit = typeof units.$inferSelect;

/** The register column of each stored field: how a change is named in the editor's own file. */
export const COLUMN_OF_FIELD: Record<keyof UnitFields, RegisterColumn> = {
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

/** A unit's value in every register column: lists as lists, yes/no as a boolean, nothing as null. */
export function registerValues(unit: StoredUnit): Record<RegisterColumn, RegisterValue> {
  const values = { huvudman: unit.huvudman, tjanst: unit.service } as Record<RegisterColumn, RegisterValue>;
  for (const [field, column] of Object.entries(COLUMN_OF_FIELD) as [keyof UnitFields, RegisterColumn][]) {
    const value = unit[field] ?? null;
    // kolada_ou holds several ids but is one text in every form ("V21E…|V21E…"), JSON included.
    values[column] =
      Array.isArray(value) && !isListColumn(column) ? value.join(LIST_SEPARATOR) || null : value;
  }
  // An active unit's status date is not part of the register (the import ignores it too).
  if (unit.status !== 'avslutad') values.status_datum = null;
  return values;
}

/** The same as spreadsheet text: lists joined with "|", yes/no as ja/nej, nothing as an empty cell. */
export function registerCells(unit: StoredUnit): Record<RegisterColumn, string> {
  const values = registerValues(unit);
  const cell = (value: RegisterValue): string => {
    if (value === null) return '';
    if (typeof value === 'boolean') return value ? 'ja' : 'nej';
    return typeof value === 'string' ? value : value.join(LIST_SEPARATOR);
  };
  return Object.fromEntries(REGISTER_COLUMNS.map((c) => [c, cell(values[c])])) as Record<
    RegisterColumn,
    string
  >;
}

/** The JSON form of a register holding these units, `{ format, version, rows }`. */
export function registerJson(list: readonly StoredUnit[]): string {
  const rows = list.map((unit) => {
    const values = registerValues(unit);
    return Object.fromEntries(REGISTER_COLUMNS.filter((c) => values[c] !== null).map((c) => [c, values[c]]));
  });
  return JSON.stringify({ format: REGISTER_FORMAT, version: REGISTER_VERSION, rows });
}

/**
 * The units of a huvudman's register as an editor keeps it: its own, active, real ones (no demo units,
 * no baseline units; ended ones stay ended when absent), one service or all; by service, then in
 * Swedish alphabetical order. What the downloads hold and what a Kolada link rewrites.
 */
export async function registerUnits(
  db: Pick<Database, 'select'>,
  huvudman: string,
  service?: Service,
): Promise<StoredUnit[]> {
  const stored = await db
    .select()
    .from(units)
    .where(
      and(
        eq(units.huvudman, huvudman),
        ne(units.status, 'avslutad'),
        eq(units.kind, 'live'),
        // Baseline units (one per Kolada survey unit of a kommun without a register) have no regi or
        // verifierad, are not the editor's, and would not read back.
        eq(units.origin, 'register'),
        service ? eq(units.service, service) : undefined,
      ),
    )
    .all();
  return stored.sort((a, b) => a.service.localeCompare(b.service) || swedishCollator.compare(a.name, b.name));
}

/** The header row and one row per unit of the huvudman's register (one service, or all). */
export async function registerTable(db: Database, huvudman: string, service?: Service): Promise<string[][]> {
  const stored = await registerUnits(db, huvudman, service);
  return [
    [...REGISTER_COLUMNS],
    ...stored.map((unit) => {
      const cells = registerCells(unit);
      return REGISTER_COLUMNS.map((c) => cells[c]);
    }),
  ];
}

/** For Excel: UTF-8 with BOM, semicolons, CRLF, formulas neutralised (see csv.ts). */
export async function registerCsv(db: Database, huvudman: string, service?: Service): Promise<string> {
  return toCsv(await registerTable(db, huvudman, service));
}

/** The same as an XLSX workbook: sheet "Utförare" (every cell text), and the "Förklaring" sheet. */
export async function registerXlsx(db: Database, huvudman: string, service?: Service): Promise<Uint8Array> {
  return writeXlsx([
    { name: REGISTER_SHEET, rows: await registerTable(db, huvudman, service) },
    explanationSheet(),
  ]);
}

/**
 * An empty register to fill in for one service: the header row, one example row (invented, marked as
 * an example) and the "Förklaring" sheet explaining every column.
 */
export function registerTemplateXlsx(service: Service, huvudman?: string): Uint8Array {
  const kommun = SERVICES[service].huvudman === 'kommun';
  const example: Record<RegisterColumn, string> = {
    huvudman: huvudman ?? (kommun ? '0581' : '05'),
    tjanst: service,
    namn: 'Exempelomsorg AB (exempel, ta bort raden)',
    regi: 'privat',
    verifierad: '2026-10-01',
    id: 'EX-01',
    organisationsnummer: '',
    alias: 'Exempelomsorg Norr',
    omraden: kommun ? 'Centrum|Norr' : '',
    omfattning: service === 'hemtjanst' ? 'service|omvardnad' : '',
    sprak: 'fi|ar',
    tillaggstjanster: service === 'hemtjanst' ? 'Storstädning|Fönsterputs' : '',
    tar_emot_nya: 'ja',
    hsa_id: '',
    kolada_ou: '',
    webbplats: 'https://www.exempelomsorg.example',
    telefon: '011-15 00 00',
    adress: 'Exempelgatan 1, 600 00 Exempelstad',
    status: 'aktiv',
    status_datum: '',
  };
  return writeXlsx([
    { name: REGISTER_SHEET, rows: [[...REGISTER_COLUMNS], REGISTER_COLUMNS.map((c) => example[c])] },
    explanationSheet(),
  ]);
}

/** Every column explained, from the same definitions as docs/register-format.md. */
function explanationSheet() {
  const required = new Set<string>(REQUIRED_COLUMNS);
  return {
    name: 'Förklaring',
    rows: [
      ['Kolumn', 'Obligatorisk', 'Innehåll', 'Tillåtna värden', 'Längd', 'Exempel'],
      ...REGISTER_COLUMNS.map((column) => {
        const d = COLUMN_DEFINITIONS[column];
        return [
          column,
          required.has(column) ? 'ja' : 'nej',
          d.content,
          plainText(d.allowed),
          limitText(d),
          plainText(d.example),
        ];
      }),
      [],
      ['Listor skiljs åt med lodstreck (|). En tom cell i en valfri kolumn betyder ”uppgift saknas”.'],
      [
        'Filen är hela listan: utförare som saknas i den avslutas när den läses in. Se docs/register-format.md.',
      ],
    ],
    widths: [20, 12, 40, 60, 30, 30],
  };
}
