/**
 * The register's `kolada_ou` after linking one more Kolada OU (survey unit) to a unit: a provider may
 * have several survey units, so the OU is added to those it has, once.
 */
export function withKoladaOu(current: readonly string[], ou: string): string[] {
  return current.includes(ou) ? [...current] : [...current, ou];
}
