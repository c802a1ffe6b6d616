import { Kind } from './lexicon';
import { MAX_GROUP } from './limits';
import { hasOwnerWord } from './own-provider';
import type { Score, TextHit, Variant } from './score';
import type { Token } from './tokens';
import type { Vocabulary } from './vocabulary';

/**
 * The rules that apply only to an item of the page's list of providers, where a text is known to be
 * one listing: the kommun's own unit named by the kommun's name, a chain's brand listed once, short
 * forms. Each answers only when one reading is left; otherwise it leaves the refusal as it was.
 */

/** What the rules need of one matcher's list. */
export interface ListView {
  vocabulary: Vocabulary;
  variants: readonly Variant[];
  /** Variant ids per unit. */
  variantsOf: readonly number[][];
  /** Per unit: the kommun's own provider (see isOwnUnit). */
  own: readonly boolean[];
  /** Per unit: not the kommun's own, yet its name only names the kommun ("Halmstads Hemtjänst AB"). */
  headingLike: readonly boolean[];
  /** Per unit: an id of the page contradicts the unit's. */
  excluded: (unit: number) => boolean;
  /** Scores a variant against the text being matched, with the per-word detail (textFound). */
  score: (variant: number) => Required<Score>;
}

/** The text being matched, as the rules see it. */
export interface ListingText {
  tokens: readonly Token[];
  hits: ReadonlyMap<number, TextHit>;
  /** The text carries a legal form (AB, HB, ek. för.): it names a company or an association. */
  legalForm: boolean;
}

export type ListAnswer =
  | { kind: 'unit'; unit: number; score: number; reason: 'egen_regi' | 'short_form' | 'name' }
  | { kind: 'group'; units: number[]; score: number }
  | { kind: 'ambiguous' }
  | undefined;

/**
 * "Örebro kommun", "Kommunens hemtjänst" as a listing: the kommun's own unit, when it has exactly one
 * in this list. Several own units can only be told apart by their own words (the ordinary scoring
 * already tried), so then it is ambiguous. A text without "kommun"/"egen regi" ("Halmstad") could also
 * be a private unit named after the kommun ("Halmstads Hemtjänst AB"): ambiguous when one exists.
 */
export function ownUnit(list: ListView, text: ListingText): ListAnswer {
  if (text.legalForm) return companyNamedAfterTheKommun(list, text);
  const own = list.own.flatMap((isOwn, u) => (isOwn && !list.excluded(u) ? [u] : []));
  if (own.length === 0) return undefined;
  if (own.length > 1) return { kind: 'ambiguous' };
  if (!hasOwnerWord(text.tokens) && list.headingLike.some((h, u) => h && !list.excluded(u))) {
    return { kind: 'ambiguous' };
  }
  const unit = own[0]!;
  return { kind: 'unit', unit, score: bestOf(list, unit).score, reason: 'egen_regi' };
}

/**
 * "Halmstads Hemtjänst AB" as a listing: a company's whole name that only names the kommun, written
 * with its legal form. Such a name reads like a heading on its own, so it is named only here, only in
 * full (every word of the name and of the text found), and only when one unit fits.
 */
function companyNamedAfterTheKommun(list: ListView, text: ListingText): ListAnswer {
  const fits = list.headingLike.flatMap((headingLike, u) => {
    if (!headingLike || list.excluded(u)) return [];
    const whole = list.variantsOf[u]!.some((v) => {
      const s = list.score(v);
      return s.nameShare > 0.999 && s.textFound.every((f, i) => f > 0 || text.tokens[i]!.kind === Kind.stop);
    });
    return whole ? [u] : [];
  });
  if (fits.length !== 1) return fits.length > 1 ? { kind: 'ambiguous' } : undefined;
  return { kind: 'unit', unit: fits[0]!, score: bestOf(list, fits[0]!).score, reason: 'name' };
}

/**
 * "Attendo", "Attendo hemtjänst" beside "Attendo Centrum" and "Attendo Söder": all units whose names
 * share the text's brand and place words, when
 * - every such word of the text is in each of them, and is where a brand stands in each name (its
 *   first telling word): a place that two providers' names share ("Lundby") is not a brand;
 * - the text has no other word but service words, the kommun's name, and everyday words that every
 *   unit of the group has too ("Attendo Norr" names an area the group does not have);
 * - there are 2 to MAX_GROUP of them.
 */
export function sharedName(list: ListView, text: ListingText): ListAnswer {
  const brand = text.tokens.flatMap((t, i) => (t.kind === Kind.distinct ? [i] : []));
  if (brand.length === 0 || hasOwnerWord(text.tokens)) return undefined;
  let group: Set<number> | undefined;
  const brandTerms = new Set<number>();
  for (const i of brand) {
    const terms = termsAt(text.hits, i);
    const units = new Set<number>();
    for (const term of terms) {
      brandTerms.add(term);
      for (const u of list.vocabulary.units[term]!) if (!list.excluded(u)) units.add(u);
    }
    group = group ? new Set([...group].filter((u) => units.has(u))) : units;
  }
  if (!group || group.size < 2 || group.size > MAX_GROUP) return undefined;
  const members = [...group];
  for (const [i, token] of text.tokens.entries()) {
    if (token.kind !== Kind.common) continue;
    const everyone = termsAt(text.hits, i).some((term) =>
      members.every((u) => list.vocabulary.units[term]!.has(u)),
    );
    if (!everyone) return undefined;
  }
  const brandLeads = (u: number) =>
    list.variantsOf[u]!.some((v) => {
      const { leading, spans } = list.variants[v]!;
      return spans.some((s) => s.length === 1 && s.start === leading && brandTerms.has(s.term));
    });
  if (!members.every(brandLeads)) return undefined;
  const score = Math.max(...members.map((u) => bestOf(list, u).score));
  return { kind: 'group', units: members, score };
}

/**
 * A short form that only one unit of the list fits.
 * - With a brand or place word ("Attendo" for "Attendo Sverige AB", "Kry Triangeln" for "Kry
 *   Vårdcentral Malmö Triangeln"): every telling word of the text is in the name, the name's first
 *   telling word (its brand) is there, one of them is used by no other unit, and at least
 *   SHORT_FORM_SHARE of the name's weight is found. A first word in the genitive ("Oskarshamns
 *   Läkargrupp") qualifies the rest, so then every telling word of the name must be there.
 * - With everyday words only ("Aktiv omsorg" for "Aktiv omsorg i Stockholm AB"): at least two words,
 *   all of them in the name, the everyday ones used by no other unit of the list, and the name lacks
 *   nothing but qualifiers, service words and the kommun's name.
 */
export function shortForm(list: ListView, text: ListingText): ListAnswer {
  const hasBrand = text.tokens.some((t) => t.kind === Kind.distinct);
  const fits = hasBrand ? brandForm(list, text) : everydayForm(list, text);
  if (fits.length !== 1) return fits.length > 1 ? { kind: 'ambiguous' } : undefined;
  const [unit, score] = fits[0]!;
  return { kind: 'unit', unit, score, reason: 'short_form' };
}

export const SHORT_FORM_SHARE = 0.4;

function brandForm(list: ListView, text: ListingText): [number, number][] {
  const candidates = new Set<number>();
  for (const term of text.hits.keys()) {
    if (list.vocabulary.unitCount(term) !== 1) continue;
    for (const u of list.vocabulary.units[term]!) if (!list.excluded(u)) candidates.add(u);
  }
  const fits: [number, number][] = [];
  for (const u of candidates) {
    const ok = list.variantsOf[u]!.some((v) => {
      const variant = list.variants[v]!;
      const s = list.score(v);
      if (s.unexplained > 0 || s.nameShare < SHORT_FORM_SHARE) return false;
      if (variant.leading < 0 || s.nameFound[variant.leading]! === 0) return false;
      // "Oskarshamns Läkargrupp": a word in the genitive qualifies the next one, which is the name; the
      // first word alone is a place (or a person), not this unit.
      const named = (j: number) => !variant.telling[j] || s.nameFound[j]! > 0;
      if (variant.genitive[variant.leading] && !variant.telling.every((_, j) => named(j))) return false;
      return variant.spans.some(
        (span) =>
          span.length === 1 &&
          variant.telling[span.start] &&
          s.nameFound[span.start]! > 0 &&
          list.vocabulary.unitCount(span.term) === 1,
      );
    });
    if (ok) fits.push([u, bestOf(list, u).score]);
  }
  return fits;
}

function everydayForm(list: ListView, text: ListingText): [number, number][] {
  const words = text.tokens.filter((t) => t.kind !== Kind.stop);
  if (words.length < 2 || hasOwnerWord(text.tokens)) return [];
  let unit: number | undefined;
  let everyday = 0;
  for (const [i, token] of text.tokens.entries()) {
    if (token.kind !== Kind.common) continue;
    everyday++;
    const owners = new Set(termsAt(text.hits, i).flatMap((term) => [...list.vocabulary.units[term]!]));
    if (owners.size !== 1) return [];
    const [owner] = owners;
    if (unit !== undefined && owner !== unit) return [];
    unit = owner;
  }
  if (unit === undefined || everyday === 0 || list.excluded(unit)) return [];
  const u = unit;
  const ok = list.variantsOf[u]!.some((v) => {
    const variant = list.variants[v]!;
    const s = list.score(v);
    if (s.textFound.some((found, i) => found === 0 && text.tokens[i]!.kind !== Kind.stop)) return false;
    return variant.kinds.every(
      (kind, j) =>
        s.nameFound[j]! > 0 || variant.factors[j]! < 1 || (kind !== Kind.distinct && kind !== Kind.common),
    );
  });
  return ok ? [[u, bestOf(list, u).score]] : [];
}

/** The list terms the text's word i was read as. */
function termsAt(hits: ReadonlyMap<number, TextHit>, i: number): number[] {
  const out: number[] = [];
  for (const [term, hit] of hits) if (hit.start <= i && i < hit.start + hit.length) out.push(term);
  return out;
}

function bestOf(list: ListView, unit: number): Score {
  let best: Score | undefined;
  for (const v of list.variantsOf[unit]!) {
    const s = list.score(v);
    if (!best || s.score > best.score) best = s;
  }
  return best!;
}
