import type { IndicatorDefinition, Unit, UnitList } from '../../shared/domain';

/** A cell: text is neutralised and quoted as needed; numbers are written with a decimal comma. */
export type Cell = string | number | boolean | null;

const BOM = '\uFEFF';
const SEPARATOR = ';';

/**
 * A spreadsheet reads a cell starting with one of these as a formula (OWASP, CSV injection):
 * = + - @, and tab or carriage return, which some spreadsheets skip before looking.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text as a spreadsheet must show it: a leading `'` keeps a would-be formula as text. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'ja' : 'nej';
  if (typeof value === 'number') return String(value).replace('.', ',');
  const text = neutralise(value);
  return /[";\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** UTF-8 with BOM (so Excel reads å, ä, ö), semicolon-separated (Swedish Excel), CRLF line ends. */
export function toCsv(rows: readonly (readonly Cell[])[]): string {
  const lines = rows.map((row) => `${row.map(csvCell).join(SEPARATOR)}\r\n`);
  return `${BOM}${lines.join('')}`;
}

const REGI: Record<Unit['regi'], string> = { egen_regi: 'egen regi', privat: 'privat', ideburen: 'idéburen' };
const UNIT_SUFFIX: Record<IndicatorDefinition['unit'], string> = {
  percent: ' (%)',
  count: '',
  days: ' (dagar)',
  mean: ' (medelvärde)',
};

const BASE_COLUMNS = [
  'Namn',
  'Regi',
  'Organisationsnummer',
  'Tar emot nya',
  'Språk',
  'Områden',
  'Webbplats',
  'Telefon',
  'Adress',
  'Verifierad',
  'Status',
  'Id',
] as const;

function unitCells(unit: Unit): Cell[] {
  return [
    unit.name,
    REGI[unit.regi],
    unit.organisationsnummer,
    unit.acceptsNewClients,
    unit.languages.map((l) => l.name).join(', '),
    unit.areas.join(', '),
    unit.contact.website,
    unit.contact.phone,
    unit.contact.address,
    unit.verifiedAt,
    unit.status,
    unit.id,
  ];
}

/**
 * The comparable list as a table for spreadsheets: the unit facts, then for each indicator its
 * value, period and respondents (a missing figure is an empty cell). Swedish headers.
 */
export function unitListCsv(list: UnitList): string {
  const header: Cell[] = [
    ...BASE_COLUMNS,
    ...list.indicators.flatMap((d) => [
      `${d.label}${UNIT_SUFFIX[d.unit]}`,
      `${d.label}: period`,
      `${d.label}: svarande`,
    ]),
  ];
  const rows = list.items.map((unit) => {
    const byId = new Map(unit.indicators.map((v) => [v.id, v]));
    return [
      ...unitCells(unit),
      ...list.indicators.flatMap((d) => {
        const v = byId.get(d.id);
        return [v?.value ?? null, v?.period ?? null, v?.respondents ?? null];
      }),
    ];
  });
  return toCsv([header, ...rows]);
}
