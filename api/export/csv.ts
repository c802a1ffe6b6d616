import type { IndicatorDefinition, IndicatorValue, Unit, UnitList } from '../../shared/domain';

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

const REGI: Record<NonNullable<Unit['regi']>, string> = {
  egen_regi: 'egen regi',
  privat: 'privat',
  ideburen: 'idéburen',
};
/** A baseline unit has no regi: said in words, the same way for every unit. */
const UNKNOWN = 'uppgift saknas';
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
    unit.regi === null ? UNKNOWN : REGI[unit.regi],
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
 * A unit's figure as cells: value, period, respondents. With several survey units each cell lists
 * theirs in the same order, "90 (Område 1) · 86 (Område 2)": never averaged, summed or one picked.
 */
function figureCells(value: IndicatorValue | undefined): Cell[] {
  if (!value) return [null, null, null];
  if (value.figures.length <= 1) return [value.value, value.period, value.respondents];
  const number = (n: number | null) => (n === null ? '–' : String(n).replace('.', ','));
  const title = (f: IndicatorValue['figures'][number]) => f.surveyUnit?.title ?? f.surveyUnit?.id ?? '';
  return [
    value.figures.map((f) => (f.value === null ? '–' : `${number(f.value)} (${title(f)})`)).join(' · '),
    value.figures.map((f) => f.period ?? '–').join(' · '),
    value.figures.map((f) => number(f.respondents)).join(' · '),
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
    return [...unitCells(unit), ...list.indicators.flatMap((d) => figureCells(byId.get(d.id)))];
  });
  return toCsv([header, ...rows]);
}
