import { isAnchor, Kind, lookup } from './lexicon';
import { dropLegalForms, words } from './normalise';

/** One word of a name as the matcher sees it. */
export interface Token {
  /** Comparison form: lexicon root, or the word without a genitive -s ("eriksbergs" -> eriksberg). */
  stem: string;
  kind: Kind;
  /** 0.5 after "i" ("Aktiv omsorg i Stockholm"): a place that qualifies the name, not the name. */
  factor: number;
}

/** A word, or two neighbouring words written together ("Adeo Care" ~ "Adeocare"). */
export interface Span {
  term: string;
  start: number;
  length: 1 | 2;
}

export interface Tokenised {
  tokens: Token[];
  spans: Span[];
}

/** The stems of the kommun's or region's own names ("Norrköpings kommun" -> norrkoping). */
export function contextStems(names: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const name of names) {
    for (const word of dropLegalForms(words(name))) {
      const [stem, kind] = classify(word);
      if (isAnchor(kind) && kind !== Kind.owner) out.add(stem);
    }
  }
  return out;
}

export function tokenise(text: string, context: ReadonlySet<string>): Tokenised {
  const raw = dropLegalForms(words(text));
  const tokens: Token[] = [];
  const spans: Span[] = [];
  let factor = 1;
  for (let i = 0; i < raw.length; i++) {
    const word = raw[i]!;
    let [stem, kind] = classify(word);
    if ((word === 'egen' || word === 'eget') && raw[i + 1] === 'regi') {
      [stem, kind] = ['kommun', Kind.owner];
      i++;
    } else if (context.has(stem) && kind <= Kind.common) {
      kind = Kind.context;
    }
    spans.push({ term: stem, start: tokens.length, length: 1 });
    tokens.push({ stem, kind, factor });
    if (stem === 'i') factor = 0.5;
  }
  // Words written together or apart: "Demo hemtjänst" ~ "Demohemtjänst". Not across stop words or numbers.
  for (let i = 0; i + 1 < tokens.length; i++) {
    const [a, b] = [tokens[i]!, tokens[i + 1]!];
    if (a.kind === Kind.stop || b.kind === Kind.stop || /\d/.test(a.stem + b.stem)) continue;
    spans.push({ term: classify(a.stem + b.stem)[0], start: i, length: 2 });
  }
  return { tokens, spans };
}

/** Stem and kind of one folded word. Numbers stay as they are ("035 Hemtjänst"). */
export function classify(word: string): [string, Kind] {
  if (/\d/.test(word)) return [word, Kind.distinct];
  const entry = lookup(word);
  if (entry) return entry;
  if (word.length >= 4 && word.endsWith('s') && !word.endsWith('ss')) {
    const base = word.slice(0, -1);
    return lookup(base) ?? [base, Kind.distinct];
  }
  return [word, Kind.distinct];
}
