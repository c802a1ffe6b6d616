import { type HuvudmanKind, huvudmanKind } from '../../../shared/domain/huvudman-code';
import { KOMMUN_TABLE, REGION_TABLE } from './kommun-table';

/** A kommun or region as the extension needs it: code, display name and website hosts. */
export interface Place {
  code: string;
  kind: HuvudmanKind;
  /** "Norrköping" for a kommun, "Region Östergötland" for a region */
  name: string;
  /** For regions: the län name, e.g. "Östergötlands län" */
  lanName?: string;
  hosts: string[];
}

let kommuner: Place[] | undefined;
let regioner: Place[] | undefined;

export function allKommuner(): Place[] {
  kommuner ??= KOMMUN_TABLE.split(';').map((row) => {
    const [code = '', name = '', ...hosts] = row.split('|');
    return { code, kind: 'kommun', name, hosts };
  });
  return kommuner;
}

export function allRegioner(): Place[] {
  regioner ??= REGION_TABLE.split(';').map((row) => {
    const [code = '', lanName = '', name = '', ...hosts] = row.split('|');
    return { code, kind: 'region', name, lanName, hosts };
  });
  return regioner;
}

export function placeByCode(code: string): Place | undefined {
  return (huvudmanKind(code) === 'region' ? allRegioner() : allKommuner()).find((p) => p.code === code);
}

/** "Norrköping" -> "Norrköpings kommun"; names ending in s, x or z take no genitive s. */
export function kommunOfficialName(shortName: string): string {
  return /[sxz]$/i.test(shortName) ? `${shortName} kommun` : `${shortName}s kommun`;
}

export function placeLabel(place: Place): string {
  return place.kind === 'kommun' ? kommunOfficialName(place.name) : place.name;
}
