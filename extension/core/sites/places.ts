import { type HuvudmanKind, huvudmanKind } from '../../../shared/domain/huvudman-code';
import { foldText } from '../../../shared/domain/text';
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

/** The host most kommuner have: "Upplands Väsby" -> "upplandsvasby.se". */
export function usualKommunHost(shortName: string): string {
  return `${foldText(shortName).replace(/ /g, '')}.se`;
}

/** Reads the table extension/scripts/kommun-table.ts writes (its format is described there). */
export function allKommuner(): Place[] {
  let lan = '';
  kommuner ??= KOMMUN_TABLE.split(';').map((entry) => {
    let row = entry;
    if (row.startsWith('#')) {
      lan = row.slice(1, 3);
      row = row.slice(3);
    }
    const [digits = '', name = '', website = '', ...otherHosts] = row.split('|');
    return {
      code: lan + digits,
      kind: 'kommun',
      name,
      hosts: [website || usualKommunHost(name), ...otherHosts],
    };
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
