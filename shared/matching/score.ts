import { Kind } from './lexicon';

/** One name or alias of a unit, as words with their weights in the list. */
export interface Variant {
  unit: number;
  alias: boolean;
  kinds: Kind[];
  /** A brand or place word that makes the name, not one that qualifies it ("Hemtjänst i Ryd"). */
  telling: boolean[];
  weights: number[];
  total: number;
  /** Words and written-together word pairs: term id, first word, number of words. */
  spans: { term: number; start: number; length: number }[];
}

/** A list term found in the page text: how similar (1 exact, less for a typo), and which words of the text. */
export interface TextHit {
  similarity: number;
  start: number;
  length: number;
}

export interface Score {
  score: number;
  /** Share of the name's weight found in the text. */
  nameShare: number;
  /** A telling word was found, not only everyday words, qualifiers or "kommun". */
  strong: boolean;
}

/**
 * How much of the name the text contains (weighted by how telling each word is), times the square root
 * of how much of the text the name explains: "Attendo hemvård" is Attendo, "HSB Bostad" is not HSB Omsorg.
 */
export function scoreVariant(
  variant: Variant,
  hits: ReadonlyMap<number, TextHit>,
  textWeights: readonly number[],
  textTotal: number,
): Score {
  const { kinds, weights } = variant;
  // The kommun's own name need not be repeated: on its pages, every text is about it.
  const nameFound = kinds.map((kind): number => (kind === Kind.context ? 1 : 0));
  const textFound = textWeights.map(() => 0);
  for (const { term, start, length } of variant.spans) {
    const hit = hits.get(term);
    if (!hit) continue;
    for (let i = start; i < start + length; i++) nameFound[i] = Math.max(nameFound[i]!, hit.similarity);
    for (let i = hit.start; i < hit.start + hit.length; i++)
      textFound[i] = Math.max(textFound[i]!, hit.similarity);
  }
  const nameShare = sum(weights, nameFound) / variant.total;
  return {
    score: textTotal > 0 ? nameShare * Math.sqrt(sum(textWeights, textFound) / textTotal) : 0,
    nameShare,
    strong: variant.telling.some((telling, i) => telling && nameFound[i]! > 0),
  };
}

/** Weighted sum; with one argument, the plain sum. */
export function sum(weights: readonly number[], factors?: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i]! * (factors ? factors[i]! : 1);
  return total;
}
