/**
 * The register's value patterns, in one place: the reader (fields.ts, languages.ts) checks values with
 * them, and the JSON Schema (schema.ts) publishes them. The reader is more forgiving than the schema
 * where noted: the schema describes the canonical spelling.
 */

/** NNNNNN-NNNN, the hyphen optional; groups: the six and the four digits. */
export const ORGANISATIONSNUMMER = /^(\d{6})-?(\d{4})$/;

/** "SE", the issuer's organisation number, "-", letters and digits (upper case), at most HSA_ID_MAX_LENGTH. */
export const HSA_ID = /^SE\d{10,12}-[A-Z0-9]+$/;
export const HSA_ID_MAX_LENGTH = 31;

/** A Kolada organisational unit: V, the KPI series' two digits, E, a code of varying length. */
export const KOLADA_OU = /^V\d{2}E[0-9A-Z]{4,}$/;
/** One or more of them, separated by | (a provider with several survey units). */
export const KOLADA_OU_LIST = /^V\d{2}E[0-9A-Z]{4,}(\|V\d{2}E[0-9A-Z]{4,})*$/;

/** An ISO 639 code as written in the register: two or three lower-case letters. */
export const LANGUAGE_CODE = /^[a-z]{2,3}$/;

/** A kommunkod (four digits) or länskod (two), canonical. */
export const HUVUDMAN_CODE = /^(\d{2}|\d{4})$/;
/** What the reader takes: up to four digits, since a spreadsheet may have dropped the leading zero. */
export const HUVUDMAN_AS_WRITTEN = /^\d{1,4}$/;

/** YYYY-MM-DD; groups: year, month, day. Whether the date exists is checked separately. */
export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The schema's approximation of a website; the reader parses the URL and also requires a dotted host. */
export const WEBSITE = /^https?:\/\/\S+$/;
