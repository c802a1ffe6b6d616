import { chunks } from '../../shared/chunks';
/**
 * Building Kolada v3 URLs: pure functions, no I/O.
 * Kolada accepts at most 25 comma-separated ids per path segment, so every id list is cut into
 * chunks and one URL is built per combination of chunks.
 */

export const KOLADA_BASE_URL = 'https://api.kolada.se/v3';
export const MAX_IDS_PER_SEGMENT = 25;
/** Kolada's largest page: every list asks for it, so a national sync needs as few requests as possible. */
export const PAGE_SIZE = 5000;

const ID_PATTERN = /^[A-Za-z0-9_-]+$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Splits a list into consecutive chunks of at most `size` items. */
export function chunk<T>(items: readonly T[], size: number = MAX_IDS_PER_SEGMENT): T[][] {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`chunk size must be a positive integer: ${size}`);
  return [...chunks(items, size)];
}

/** Unique ids in first-seen order; rejects anything that could change the path (",", "/", "?", ...). */
export function koladaIds(ids: readonly string[], what: string): string[] {
  for (const id of ids) {
    if (!ID_PATTERN.test(id)) throw new TypeError(`Ogiltigt Kolada-id för ${what}: ${JSON.stringify(id)}`);
  }
  return [...new Set(ids)];
}

export function koladaYears(years: readonly number[]): string[] {
  for (const year of years) {
    if (!Number.isInteger(year) || year < 1000 || year > 9999) {
      throw new TypeError(`Ogiltigt år: ${JSON.stringify(year)}`);
    }
  }
  return [...new Set(years)].map(String);
}

/** Checks a `from_date` value: a real calendar date written YYYY-MM-DD. */
export function assertIsoDate(date: string): void {
  const match = ISO_DATE.exec(date);
  const parsed = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!parsed || parsed.toISOString().slice(0, 10) !== date) {
    throw new TypeError(`from_date ska vara ett datum på formen ÅÅÅÅ-MM-DD: ${JSON.stringify(date)}`);
  }
}

export function trimBaseUrl(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}

export interface DataUrlQuery {
  baseUrl: string;
  /** "oudata" for units, "data" for kommun/region/riket. */
  endpoint: 'oudata' | 'data';
  kpis: readonly string[];
  subjects: readonly string[];
  years?: readonly number[] | undefined;
  fromDate?: string | undefined;
}

/**
 * Every URL needed for a data query: one per combination of KPI, subject and year chunks.
 * An empty list in any dimension means nothing to ask for, so no URLs.
 * `years` left out means all years.
 */
export function dataUrls(query: DataUrlQuery): string[] {
  const subjectSegment = query.endpoint === 'oudata' ? 'ou' : 'municipality';
  const kpis = chunk(koladaIds(query.kpis, 'kpi'));
  const subjects = chunk(koladaIds(query.subjects, subjectSegment));
  const years = query.years === undefined ? [null] : chunk(koladaYears(query.years));
  if (query.fromDate !== undefined) assertIsoDate(query.fromDate);
  const params = new URLSearchParams({ per_page: String(PAGE_SIZE) });
  if (query.fromDate !== undefined) params.set('from_date', query.fromDate);
  const search = `?${params}`;
  const base = trimBaseUrl(query.baseUrl);

  const urls: string[] = [];
  for (const kpiChunk of kpis) {
    for (const subjectChunk of subjects) {
      for (const yearChunk of years) {
        const year = yearChunk === null ? '' : `/year/${yearChunk.join(',')}`;
        urls.push(
          `${base}/${query.endpoint}/kpi/${kpiChunk.join(',')}/${subjectSegment}/${subjectChunk.join(',')}${year}${search}`,
        );
      }
    }
  }
  return urls;
}

/**
 * `/ou?municipality=CODE[,CODE…]`: every organisational unit Kolada knows in these kommuner (at most
 * 25, like a path segment). The codes are digits only, so the commas are written as they are.
 */
export function ouListUrl(baseUrl: string, municipalities: string | readonly string[]): string {
  const codes = [...new Set(typeof municipalities === 'string' ? [municipalities] : municipalities)];
  for (const code of codes) {
    if (!/^\d{4}$/.test(code)) {
      throw new TypeError(`En kommunkod har fyra siffror, till exempel 0581: ${JSON.stringify(code)}`);
    }
  }
  if (codes.length === 0 || codes.length > MAX_IDS_PER_SEGMENT) {
    throw new RangeError(`1–${MAX_IDS_PER_SEGMENT} kommuner per anrop, inte ${codes.length}`);
  }
  return `${trimBaseUrl(baseUrl)}/ou?municipality=${codes.join(',')}&per_page=${PAGE_SIZE}`;
}

/** `/kpi` (the whole catalogue) or `/kpi/{ids}` in chunks of 25. */
export function kpiUrls(baseUrl: string, ids?: readonly string[]): string[] {
  const base = `${trimBaseUrl(baseUrl)}/kpi`;
  const search = `?per_page=${PAGE_SIZE}`;
  if (ids === undefined) return [`${base}${search}`];
  return chunk(koladaIds(ids, 'kpi')).map((ids) => `${base}/${ids.join(',')}${search}`);
}
