/**
 * Identity of a register row across imports: the storage key that says "this is the same unit as last
 * time". It must stay stable: changing anything here changes stored keys and needs a data migration.
 * It is deliberately simple; matching provider names found on web pages is a different, fuzzy job.
 */

/** Legal forms dropped from the end of a name, already in normalised form (longest first). */
const LEGAL_FORMS = [
  'ekonomisk förening',
  'ideell förening',
  'aktiebolag',
  'handelsbolag',
  'kommanditbolag',
  'ab publ',
  'ek för',
  'ab',
  'hb',
  'kb',
];

/**
 * The name part of a unit's storage key (not the matcher's folded form: å, ä, ö are kept, so Håbo
 * and Habo stay apart). "Exempelomsorg & Co. AB" -> "exempelomsorg och co". NFC, lower case, "&" as "och", apostrophes and
 * full stops removed, other punctuation as space, whitespace collapsed, one trailing legal form dropped.
 */
export function identityName(name: string): string {
  const words = name
    .normalize('NFC')
    .toLowerCase()
    .replace(/&/g, ' och ')
    .replace(/['’`´.]/g, '')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
  for (const form of LEGAL_FORMS) {
    if (words.endsWith(` ${form}`)) return words.slice(0, -form.length - 1);
  }
  return words;
}

export interface IdentityInput {
  huvudman: string;
  service: string;
  name: string;
  registerId?: string | null;
  hsaId?: string | null;
}

/**
 * The key a row is stored under, within its huvudman and service: the editor's own id when given,
 * else the HSA id, else the normalised name. "0581/hemtjanst/id:42", "14/vardcentral/hsa:SE…",
 * "0581/hemtjanst/namn:exempelomsorg".
 */
export function identityKey(row: IdentityInput): string {
  const scope = `${row.huvudman}/${row.service}`;
  const registerId = row.registerId?.trim();
  if (registerId) return `${scope}/id:${registerId}`;
  const hsaId = row.hsaId?.trim().toUpperCase();
  if (hsaId) return `${scope}/hsa:${hsaId}`;
  return `${scope}/namn:${identityName(row.name)}`;
}
