import { KOLADA_RIKET } from '../../shared/domain/huvudman';
import { countIsRespondents } from '../../shared/reference/indicators';
import koladaKpis from '../../shared/reference/kolada-kpis.json';
import type { KoladaDataRow } from '../kolada';
import type { SyncValue } from './types';

type CatalogueEntry = { publicationDate: string | null; period: string | null };
const CATALOGUE = koladaKpis as Record<string, CatalogueEntry>;

/** When Kolada published a KPI's figures for a period, as far as the catalogue tells. */
export type PublicationDate = (kpi: string, period: string) => string | null;

/**
 * From the bundled KPI catalogue (shared/reference/kolada-kpis.json). It holds one date per KPI: that
 * of its latest publication, for its latest period. Older periods were published earlier on dates the
 * catalogue no longer holds, so they get null rather than a date that would be wrong.
 */
export const cataloguePublicationDate: PublicationDate = (kpi, period) => {
  const entry = CATALOGUE[kpi];
  return entry?.publicationDate && entry.period === period ? entry.publicationDate : null;
};

/**
 * Kolada's `count` is the number who answered for the user-survey KPIs ("Brukarbedömning …", ids U… and
 * some N…). For the unit survey (answered by one manager per unit) it counts units, not people: storing
 * it as respondents would hide every such figure behind the "too few respondents" rule, so those get null.
 */
export function respondentsOf(row: Pick<KoladaDataRow, 'kpi' | 'respondents'>): number | null {
  return countIsRespondents(row.kpi) ? row.respondents : null;
}

export function valueKey(v: Pick<SyncValue, 'indicatorId' | 'scope' | 'subject' | 'period'>): string {
  return `${v.indicatorId}|${v.scope}|${v.subject}|${v.period}`;
}

export interface IncomingValues {
  /** Figures to store. */
  values: SyncValue[];
  /** Figures Kolada says were removed (incremental answers). */
  deleted: SyncValue[];
  /** The figures to store by their key, so a plan need not compute the keys again. */
  keyed: ReadonlyMap<string, SyncValue>;
}

/**
 * Turns Kolada's rows into indicator_values rows: an OU's figures are stored under the OU (a unit shows
 * those of its linked OUs), the kommun's and the country's become comparison figures; rows of any other
 * area are dropped. Pure; when Kolada repeats a figure (overlapping pages), the last one counts.
 */
export function toSyncValues(input: {
  kommun: string;
  unitRows: readonly KoladaDataRow[];
  areaRows: readonly KoladaDataRow[];
  publicationDate?: PublicationDate;
}): IncomingValues {
  const collected = collectValues(input.publicationDate ?? cataloguePublicationDate);
  const put = collected.put;
  for (const row of input.unitRows) put(row, 'ou');
  for (const row of input.areaRows) {
    if (row.subject === input.kommun) put(row, 'kommun');
    else if (row.subject === KOLADA_RIKET) put(row, 'riket');
  }
  return collected.result();
}

/**
 * Collects Kolada's rows as stored figures, one per key: when Kolada repeats a figure (overlapping
 * pages) the last row counts, and a row marked deleted removes the figure and is reported as deleted.
 */
export function collectValues(published: PublicationDate) {
  const values = new Map<string, SyncValue>();
  const deleted = new Map<string, SyncValue>();
  return {
    put(row: KoladaDataRow, scope: SyncValue['scope']): void {
      const value: SyncValue = {
        indicatorId: row.kpi,
        scope,
        subject: row.subject,
        period: row.period,
        value: row.value,
        respondents: respondentsOf(row),
        status: row.status,
        publishedAt: published(row.kpi, row.period),
      };
      const key = valueKey(value);
      if (row.deleted) {
        values.delete(key);
        deleted.set(key, value);
      } else {
        deleted.delete(key);
        values.set(key, value);
      }
    },
    result(): IncomingValues {
      return { values: [...values.values()], deleted: [...deleted.values()], keyed: values };
    },
  };
}
