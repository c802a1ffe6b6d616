import { Kind } from './lexicon';
import type { Token, Tokenised } from './tokens';

/**
 * A text that names only the kommun (or region) as provider: its name (not as a qualifier: "i
 * Örebro" is a place), "kommunen"/"kommunal"/"egen regi", and service words. "Örebro kommun",
 * "Kommunens hemtjänst", "Uppsala kommun Vård och omsorg"; not "Hemtjänst i Örebro".
 */
export function namesOnlyTheKommun(tokens: readonly Token[]): boolean {
  let named = false;
  for (const { kind, factor } of tokens) {
    if (kind === Kind.owner || (kind === Kind.context && factor === 1)) named = true;
    else if (kind !== Kind.generic && kind !== Kind.stop && kind !== Kind.context) return false;
  }
  return named;
}

export function hasOwnerWord(tokens: readonly Token[]): boolean {
  return tokens.some((t) => t.kind === Kind.owner);
}

/**
 * Whether a unit is the kommun's own provider. The register's regi decides when it says; without it
 * (a Kolada baseline unit, a caller that does not pass regi), a name that only names the kommun, or
 * has "kommun"/"kommunal"/"egen regi" and otherwise only service and everyday words ("Gävle kommun
 * hemtjänst Norr"), with no legal form (AB, HB, ek. för.: a company or association). A name with a
 * brand or place of its own ("Gävle kommun hemtjänst Strömsbro") is not assumed to be the kommun's.
 */
export function isOwnUnit(regi: string | null | undefined, name: Tokenised): boolean {
  if (regi === 'egen_regi') return true;
  if (regi) return false;
  if (name.legalForm) return false;
  if (namesOnlyTheKommun(name.tokens)) return true;
  return hasOwnerWord(name.tokens) && name.tokens.every((t) => t.kind !== Kind.distinct);
}
