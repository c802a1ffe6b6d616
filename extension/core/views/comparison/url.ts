import { HUVUDMAN_CODE_PATTERN, huvudmanKind } from '../../../../shared/domain/huvudman-code';
import { SERVICES, type Service } from '../../../../shared/domain/service';
import { UNIT_SORT_PATTERN } from '../../../../shared/domain/sort';
import type { ChoiceSystem } from '../../comparison';

/**
 * The comparison as an extension page of its own, by address:
 * `comparison.html?huvudman=0581&service=hemtjanst` shows every unit of that choice system in Swedish
 * alphabetical order. `units=<id>,<id>` shows those units only, `sort=-U21468` another order (as the
 * API's ?sort=), `print=1` opens the print dialog once the list is there.
 */
export interface ComparisonPage extends ChoiceSystem {
  units: string[] | null;
  sort: string;
  print: boolean;
}

export const COMPARISON_PAGE = '/comparison.html';

/**
 * An order by a vårdcentral measure ("-npe_vard_och_behandling_medel"): the catalogue's ids are not
 * Kolada KPI ids, which is all the API's `?sort=` pattern knows so far; the view sorts them alike.
 */
const CATALOGUE_ID_ORDER = /^-?[a-z][a-z\d_]{0,63}$/;

export function comparisonPageQuery(page: ChoiceSystem & Partial<Omit<ComparisonPage, keyof ChoiceSystem>>) {
  const query = new URLSearchParams({ huvudman: page.huvudman, service: page.service });
  if (page.units) query.set('units', page.units.join(','));
  if (page.sort && page.sort !== 'name') query.set('sort', page.sort);
  if (page.print) query.set('print', '1');
  return `?${query.toString()}`;
}

/** The page's address read back; null when it does not name a kommun or region and one of its services. */
export function parseComparisonPage(search: string): ComparisonPage | null {
  const query = new URLSearchParams(search);
  const huvudman = query.get('huvudman') ?? '';
  const service = query.get('service') ?? '';
  if (!HUVUDMAN_CODE_PATTERN.test(huvudman) || !(service in SERVICES)) return null;
  if (SERVICES[service as Service].huvudman !== huvudmanKind(huvudman)) return null;
  const units = query.get('units');
  const sort = query.get('sort') ?? 'name';
  return {
    huvudman,
    service: service as Service,
    units: units === null ? null : units.split(',').filter((id) => /^[\w-]{1,64}$/.test(id)),
    sort: UNIT_SORT_PATTERN.test(sort) || CATALOGUE_ID_ORDER.test(sort) ? sort : 'name',
    print: query.get('print') === '1',
  };
}
