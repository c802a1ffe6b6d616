/**
 * The register's `kolada_ou` after linking one more Kolada OU to a unit. Today a unit reads its figures
 * from one OU, so linking replaces the one it had. When `kolada_ou` takes several ids separated by "|"
 * (the sync is being changed to allow it), this becomes the append:
 *   return current && !current.split('|').includes(ou) ? `${current}|${ou}` : current ?? ou;
 */
export function withKoladaOu(_current: string | null, ou: string): string {
  return ou;
}
