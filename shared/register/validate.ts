import { SERVICE_IDS, SERVICES, type Service } from '../domain/service';
import { type Regi, regi, type Scope, scope, type UnitStatus, unitStatus } from '../domain/unit';
import { checkCell } from './cell-rules';
import { LIST_SEPARATOR, type RegisterColumn } from './columns';
import {
  collapseWhitespace,
  type Huvudman,
  type Parsed,
  parseAddress,
  parseDate,
  parseEnum,
  parseHsaId,
  parseHuvudman,
  parseKoladaOu,
  parseName,
  parseOrganisationsnummer,
  parsePhone,
  parseWebsite,
} from './fields';
import { identityKey, identityName } from './identity';
import { parseLanguage, SWEDISH } from './languages';
import { problem, type RegisterProblem } from './problem';
import type { RawRow, ReadResult, RegisterRow } from './types';

/**
 * Checks every row, then the rules that span rows (the same unit twice). Adds every problem found to the
 * reader's list (read.problems) and returns the rows that have none.
 */
export function validateRows(read: ReadResult, today: string): RegisterRow[] {
  const problems = read.problems;
  const rows: RegisterRow[] = [];
  const identities: Identity[] = [];
  for (const raw of read.rows) {
    const checked = checkRow(raw, read.columns, today);
    problems.push(...checked.problems);
    if (checked.identity) identities.push(checked.identity);
    if (checked.row && checked.problems.length === 0) rows.push(checked.row);
  }
  problems.push(...findDuplicates(identities));
  return rows;
}

interface Identity {
  line: number;
  huvudman: string;
  service: Service;
  name: string;
  registerId: string | null;
  hsaId: string | null;
  koladaOu: readonly string[];
}

interface CheckedRow {
  row: RegisterRow | null;
  identity: Identity | null;
  problems: RegisterProblem[];
}

function checkRow(raw: RawRow, columns: ReadonlySet<RegisterColumn>, today: string): CheckedRow {
  const problems: RegisterProblem[] = [];
  const report = (column: RegisterColumn, message: string, value?: string) => {
    const found = problem(raw.line, column, message, value);
    const cell = raw.cells?.get(column);
    if (cell !== undefined) found.cell = cell;
    problems.push(found);
  };

  // Values that break the general rules (too long, invisible characters) are reported once and read no further.
  const rejected = new Set<RegisterColumn>();
  for (const [column, value] of raw.values) {
    const messages = checkCell(column, value);
    if (messages.length === 0) continue;
    rejected.add(column);
    for (const message of messages) {
      report(column, message, typeof value === 'string' ? value : value.join(LIST_SEPARATOR));
    }
  }
  const unreadable = (column: RegisterColumn) => rejected.has(column) || raw.unreadable?.has(column);

  const text = (column: RegisterColumn): string | null => {
    if (rejected.has(column)) return null;
    const value = raw.values.get(column);
    const joined = typeof value === 'string' ? value : value?.join(LIST_SEPARATOR);
    return joined?.trim() || null;
  };
  const list = (column: RegisterColumn): string[] => {
    if (rejected.has(column)) return [];
    const value = raw.values.get(column);
    const items = typeof value === 'string' ? value.split(LIST_SEPARATOR) : (value ?? []);
    return items.map((item) => item.trim()).filter((item) => item !== '');
  };
  /** null when the value is missing or wrong (both reported), else the parsed value. */
  const required = <T>(column: RegisterColumn, parse: (value: string) => Parsed<T>): T | null => {
    const value = text(column);
    if (value === null) {
      if (columns.has(column) && !unreadable(column)) {
        report(column, 'värde saknas; kolumnen är obligatorisk');
      }
      return null;
    }
    return checked(column, value, parse);
  };
  const optional = <T>(column: RegisterColumn, parse: (value: string) => Parsed<T>): T | null => {
    const value = text(column);
    return value === null ? null : checked(column, value, parse);
  };
  const checked = <T>(
    column: RegisterColumn,
    value: string,
    parse: (value: string) => Parsed<T>,
  ): T | null => {
    const result = parse(value);
    if (result.ok) return result.value;
    report(column, result.message, value);
    return null;
  };
  const listOf = <T>(column: RegisterColumn, parse: (value: string) => Parsed<T>): T[] => {
    const values: T[] = [];
    for (const item of list(column)) {
      const value = checked(column, item, parse);
      if (value !== null && !values.includes(value)) values.push(value);
    }
    return values;
  };
  const textList = (column: RegisterColumn): string[] => [...new Set(list(column).map(collapseWhitespace))];

  const huvudman = required('huvudman', parseHuvudman);
  const service = required('tjanst', (v) => parseEnum(v, SERVICE_IDS));
  const name = required('namn', parseName);
  const regiValue = required('regi', (v): Parsed<Regi> => parseEnum(v, regi.options));
  const verifiedAt = required('verifierad', (v) =>
    parseDate(v, today, 'verifierad är dagen då raden senast kontrollerades'),
  );
  const registerId = optional('id', (v) => ({ ok: true, value: collapseWhitespace(v) }));
  const organisationsnummer = optional('organisationsnummer', parseOrganisationsnummer);
  const aliases = textList('alias');
  const areas = textList('omraden');
  const scopeValues = listOf('omfattning', (v): Parsed<Scope> => parseEnum(v, scope.options));
  const languages = listOf('sprak', (v): Parsed<string> => {
    const result = parseLanguage(v);
    return result.ok ? { ok: true, value: result.code } : result;
  }).filter((code) => code !== SWEDISH);
  const extraServices = textList('tillaggstjanster');
  const acceptsNewClients = optional('tar_emot_nya', (v) => {
    const answer = parseEnum(v, ['ja', 'nej']);
    return answer.ok ? { ok: true, value: answer.value === 'ja' } : answer;
  });
  const hsaId = optional('hsa_id', parseHsaId);
  const koladaOu = listOf('kolada_ou', parseKoladaOu);
  const website = optional('webbplats', parseWebsite);
  const phone = optional('telefon', (v) => {
    // A number cell cannot hold a leading zero: a Swedish number that lost it starts with another digit.
    if (raw.numeric?.has('telefon') && !/^[0+]/.test(v)) {
      return {
        ok: false,
        message:
          `'${v}' är sparat som ett tal i kalkylbladet, så den inledande nollan har försvunnit; ` +
          'formatera kolumnen som text och skriv numret igen, till exempel 011-15 00 00',
      };
    }
    return parsePhone(v);
  });
  const address = optional('adress', (v) => ({ ok: true, value: parseAddress(v) }));
  const status: UnitStatus | null =
    text('status') === null ? 'aktiv' : optional('status', (v) => parseEnum(v, unitStatus.options));
  const statusDate = optional('status_datum', (v) =>
    parseDate(v, today, 'ange dagen då statusen började gälla, inte ett planerat datum'),
  );

  if (huvudman && service) checkServiceBelongs(huvudman, service, report);
  if (service) checkKoladaSeries(koladaOu, service, report);
  if (status === 'avslutad' && text('status_datum') === null && !unreadable('status_datum')) {
    report('status_datum', 'datum saknas; status_datum krävs när status är avslutad');
  }

  const identity =
    huvudman && service && name
      ? { line: raw.line, huvudman: huvudman.code, service, name, registerId, hsaId, koladaOu }
      : null;
  if (!identity || !regiValue || !verifiedAt || !status) return { row: null, identity, problems };
  return {
    identity,
    problems,
    row: {
      line: raw.line,
      huvudman: identity.huvudman,
      service: identity.service,
      name: identity.name,
      regi: regiValue,
      verifiedAt,
      registerId,
      organisationsnummer,
      aliases,
      areas,
      scope: scopeValues,
      languages,
      extraServices,
      acceptsNewClients,
      hsaId,
      koladaOu,
      website,
      phone,
      address,
      status,
      statusDate,
      identityKey: identityKey(identity),
    },
  };
}

function checkServiceBelongs(
  huvudman: Huvudman,
  service: Service,
  report: (column: RegisterColumn, message: string, value?: string) => void,
) {
  const owner = SERVICES[service].huvudman;
  if (owner === huvudman.kind) return;
  const code = owner === 'kommun' ? 'kommunkod med fyra siffror' : 'länskod med två siffror';
  report(
    'tjanst',
    `${service} hör till en ${owner}, men huvudman ${huvudman.code} är en ${huvudman.kind} (${huvudman.name}); ange ${owner}ens ${code}`,
    service,
  );
}

/** Kolada numbers its elderly-care units by service: V21… hemtjänst, V23… särskilt boende. */
const KOLADA_SERIES: Partial<Record<Service, string>> = { hemtjanst: 'V21', sarskilt_boende: 'V23' };

function checkKoladaSeries(
  ous: readonly string[],
  service: Service,
  report: (column: RegisterColumn, message: string, value?: string) => void,
) {
  const series = KOLADA_SERIES[service];
  if (!series) return;
  for (const ou of ous) {
    const other = Object.entries(KOLADA_SERIES).find(([, s]) => s !== series && ou.startsWith(s));
    if (other) {
      report(
        'kolada_ou',
        `${ou} är en Kolada-enhet för ${other[0]} (${other[1]}…), men raden gäller ${service}; ange en enhet som börjar med ${series}`,
        ou,
      );
    }
  }
}

/**
 * The same unit twice: the same id (per huvudman and tjänst), the same HSA id (per huvudman), or, for
 * rows with neither, the same normalised name (per huvudman and tjänst). Reported on the later row.
 */
function findDuplicates(identities: readonly Identity[]): RegisterProblem[] {
  const problems: RegisterProblem[] = [];
  const seen = new Map<string, number>();
  const firstLine = (key: string, line: number): number | null => {
    const earlier = seen.get(key);
    if (earlier === undefined) seen.set(key, line);
    return earlier ?? null;
  };
  for (const row of identities) {
    const scope = `${row.huvudman}/${row.service}`;
    if (row.registerId !== null) {
      const earlier = firstLine(`${scope}/id:${row.registerId}`, row.line);
      if (earlier !== null) {
        problems.push(
          problem(
            row.line,
            'id',
            `id '${row.registerId}' finns redan på rad ${earlier} för samma huvudman och tjänst; varje enhet ska ha ett eget id`,
            row.registerId,
          ),
        );
      }
    }
    if (row.hsaId !== null) {
      const earlier = firstLine(`${row.huvudman}/hsa:${row.hsaId}`, row.line);
      if (earlier !== null) {
        problems.push(
          problem(
            row.line,
            'hsa_id',
            `HSA-id ${row.hsaId} finns redan på rad ${earlier} för samma huvudman; en enhet ska bara finnas en gång`,
            row.hsaId,
          ),
        );
      }
    }
    for (const ou of row.koladaOu) {
      // One Kolada survey unit belongs to one provider: its figures cannot be two units' at once.
      const earlier = firstLine(`${row.huvudman}/kolada_ou:${ou}`, row.line);
      if (earlier !== null) {
        problems.push(
          problem(
            row.line,
            'kolada_ou',
            `Kolada-enheten ${ou} finns redan på rad ${earlier} för samma huvudman; en Kolada-enhet hör till en utförare`,
            ou,
          ),
        );
      }
    }
    if (row.registerId === null && row.hsaId === null) {
      const earlier = firstLine(`${scope}/namn:${identityName(row.name)}`, row.line);
      if (earlier !== null) {
        problems.push(
          problem(
            row.line,
            'namn',
            `'${row.name}' finns redan på rad ${earlier} för samma huvudman och tjänst (namnen räknas som lika när ` +
              'stora och små bokstäver, skiljetecken och bolagsform som AB bortses från). Är det två olika enheter: ' +
              'ge dem var sitt id',
            row.name,
          ),
        );
      }
    }
  }
  return problems;
}
