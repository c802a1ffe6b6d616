/**
 * Bounds that keep the matcher cheap whatever it is given. Each is far above what a real listing or
 * register name needs (the longest provider names seen are about 60 characters and 8 words; the
 * longest word about 20 letters), so real names never reach them. The reasons: docs/matching.md.
 */

/** A listing element's text is read up to here; the name part is looked for in this much. */
export const MAX_ELEMENT_TEXT = 1_000;
/** A name part longer than this (characters) is refused with reason "too_long". */
export const MAX_NAME_LENGTH = 200;
/** A name part with more words than this is refused with reason "too_long". */
export const MAX_NAME_WORDS = 16;
/** A unit's name or alias is read up to this many characters and words; the rest is ignored. */
export const MAX_UNIT_NAME_LENGTH = 300;
/** At most this many aliases per unit are read. */
export const MAX_ALIASES = 20;
/** Typo tolerance applies to words of at most this many letters; longer words must match exactly. */
export const MAX_TYPO_WORD = 32;
/**
 * The typo index is built from the first letters of a word only (as SymSpell's prefix does): two
 * words within the allowed edits share a deletion form of their prefixes, so the candidates are all
 * found, each then checked with the edit distance of the whole words. The number of forms per word
 * is then bounded whatever its length.
 */
export const TYPO_PREFIX = 8;
/** At most this many near-miss candidates are checked per word of a text. */
export const MAX_TYPO_CANDIDATES = 32;
/** The typo index of one matcher holds at most this many forms; later words match exactly only. */
export const MAX_TYPO_FORMS = 250_000;
/**
 * A word used by more names than this (a chain with very many units) does not bring names into the
 * scoring: it cannot tell them apart. Their own words still do.
 */
export const MAX_POSTINGS_SCORED = 64;
/** A shared name names at most this many units at once; more is refused as ambiguous. */
export const MAX_GROUP = 12;
/**
 * Typo lookups of one text stop after this much work (forms and edit-distance cells); the rest of its
 * words then match exactly only. One misspelt long word costs about 100, a realistic text 13 on average.
 */
export const MAX_TYPO_WORK = 110;
/**
 * A text with words that only one unit uses, from more units than this, names several providers: it
 * is not one listing, and is refused as ambiguous before any name is scored.
 */
export const MAX_UNITS_NAMED = 3;
/** Work one match call may do in all (words read, typo work, name words scored); more is refused. */
export const MAX_MATCH_WORK = 2_000;
