import { Kind, lookup } from './lexicon';
import { dropLegalForms, words } from './normalise';

/** One word of a name as the matcher sees it. */
export interface Token {
  /** Comparison form: lexicon root, or the word without a genitive -s ("eriksbergs" -> eriksberg). */
  stem: string;
  kind: Kind;
  /** 0.5 for a qualifier ("Aktiv omsorg i Stockholm", "Almgården, Tollarp"), else 1. */
  factor: number;
  /** A brand or place word written in the genitive ("Oskarshamns" in "Oskarshamns Läkargrupp"). */
  genitive: boolean;
}

/** A word, or two neighbouring words written together ("Adeo Care" ~ "Adeocare"). */
export interface Span {
  term: string;
  /** For a pair, a lexicon word ("vård central") or else the stronger kind of its two words. */
  kind: Kind;
  start: number;
  length: 1 | 2;
}

export interface Tokenised {
  tokens: Token[];
  spans: Span[];
  /** Words read, repeats and legal forms included. */
  words: number;
  /** More than `maxWords` words: only the first were read. */
  overflow: boolean;
  /** The text carries a legal form (AB, HB, ekonomisk förening...): a company or association. */
  legalForm: boolean;
}

/** The stems of the kommun's or region's own names ("Norrköpings kommun" -> norrkoping). */
export function contextStems(names: readonly string[]): Set<string> {
  const stems = names.flatMap((name) => tokenise(name, new Set()).tokens);
  return new Set(stems.filter((t) => t.kind <= Kind.common).map((t) => t.stem));
}

/**
 * The words of a name or page text, each stem once. Words after "i" or after a separator (comma, dash,
 * parenthesis, colon) qualify the name rather than make it ("Almgården, Tollarp"), so they weigh half.
 */
export function tokenise(
  text: string,
  context: ReadonlySet<string>,
  maxWords = Number.POSITIVE_INFINITY,
): Tokenised {
  const tokens: Token[] = [];
  const spans: Span[] = [];
  const seen = new Set<string>();
  let factor = 1;
  let [count, overflow, legalForm] = [0, false, false];
  for (const segment of text.split(SEPARATORS)) {
    if (overflow) break;
    const all = words(segment);
    const raw = dropLegalForms(all);
    if (raw.length < all.length) legalForm = true;
    for (let i = 0; i < raw.length; i++) {
      if (++count > maxWords) {
        overflow = true;
        break;
      }
      const word = raw[i]!;
      let [stem, kind] = classify(word);
      if ((word === 'egen' || word === 'eget') && raw[i + 1] === 'regi') {
        [stem, kind] = ['kommun', Kind.owner];
        i++;
      } else if (context.has(stem) && kind <= Kind.common) {
        kind = Kind.context;
      }
      if (stem === 'i') factor = QUALIFIER;
      if (seen.has(stem)) continue;
      seen.add(stem);
      spans.push({ term: stem, kind, start: tokens.length, length: 1 });
      tokens.push({
        stem,
        kind,
        factor,
        genitive: kind === Kind.distinct && stem !== word && word.endsWith('s'),
      });
    }
    if (raw.length > 0) factor = QUALIFIER;
  }
  // Words written together or apart: "Demo hemtjänst" ~ "Demohemtjänst". Not across stop words or numbers.
  for (let i = 0; i + 1 < tokens.length; i++) {
    const [a, b] = [tokens[i]!, tokens[i + 1]!];
    if (a.kind === Kind.stop || b.kind === Kind.stop || /\d/.test(a.stem + b.stem)) continue;
    const [term, kind] = classify(a.stem + b.stem);
    spans.push({
      term,
      kind: kind === Kind.distinct ? (Math.min(a.kind, b.kind) as Kind) : kind,
      start: i,
      length: 2,
    });
  }
  return { tokens, spans, words: count, overflow, legalForm };
}

const QUALIFIER = 0.5;
/** Where a name ends and a qualifier starts: "Vionord – hemtjänst i centrum", "Almhaga (Färlöv)". */
const SEPARATORS = /[,;:()[\]|/–—]|\s-\s/;

const cache = new Map<string, [string, Kind]>();

/** Stem and kind of one folded word. Numbers stay as they are ("035 Hemtjänst"). */
export function classify(word: string): [string, Kind] {
  if (word.length > CACHED_LENGTH) return classifyWord(word);
  let known = cache.get(word);
  if (!known) {
    if (cache.size > 20_000) cache.clear();
    known = classifyWord(word);
    cache.set(word, known);
  }
  return known;
}

/** Longer words are classified each time (cheaply: the lexicon has no such word) and not kept. */
const CACHED_LENGTH = 40;

function classifyWord(word: string): [string, Kind] {
  if (/\d/.test(word)) return [word, Kind.distinct];
  const entry = lookup(word);
  if (entry) return entry;
  if (word.length >= 4 && word.endsWith('s') && !word.endsWith('ss')) {
    const base = word.slice(0, -1);
    return lookup(base) ?? [base, Kind.distinct];
  }
  return [word, Kind.distinct];
}
