import { Kind } from './lexicon';
import type { WorkMeter } from './work';

/** One name or alias of a unit, as words with their weights in the list. */
export interface Variant {
  unit: number;
  alias: boolean;
  kinds: Kind[];
  /** 1, or 0.5 for a word that qualifies the name ("Hemtjänst i Ryd", "Almgården, Tollarp"). */
  factors: number[];
  /** A brand or place word that makes the name, not one that qualifies it ("Hemtjänst i Ryd"). */
  telling: boolean[];
  /** The first telling word: where a brand stands ("Attendo Söder"); -1 if none. */
  leading: number;
  /** Per word: a brand or place word in the genitive ("Oskarshamns Läkargrupp"). */
  genitive: boolean[];
  weights: number[];
  total: number;
  /** The share of the weight in words that are not distinct (everyday, owner, service words...). */
  weakShare: number;
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
  /** Per word of the name: how well the text has it (0 not at all). */
  nameFound: number[];
  /** Telling words of the text (brands, places, everyday and owner words) that this name does not have. */
  unexplained: number;
  /** Per word of the text: how well the name has it (only from `detail`). */
  textFound?: number[];
}

/**
 * Scores the names of the list against one text: how much of the name the text contains (weighted
 * by how telling each word is), times the square root of how much of the text the name explains:
 * "Attendo hemvård" is Attendo, "HSB Bostad" is not HSB Omsorg. A name costs its own words and the
 * text words its hits cover, not the whole text.
 */
export class TextScorer {
  private readonly stamp: number[];
  private readonly found: number[];
  private readonly touchedWords: number[] = [];
  private readonly tellingWords: number;
  private calls = 0;

  constructor(
    private readonly hits: ReadonlyMap<number, TextHit>,
    private readonly text: { weights: readonly number[]; kinds: readonly Kind[]; total: number },
    private readonly meter: WorkMeter,
  ) {
    this.stamp = text.weights.map(() => -1);
    this.found = text.weights.map(() => 0);
    this.tellingWords = text.kinds.filter((kind) => kind <= Kind.owner).length;
  }

  score(variant: Variant, detail = false): Score {
    const call = this.calls++;
    const { kinds, weights } = variant;
    this.meter.add(variant.spans.length + kinds.length);
    // The kommun's own name need not be repeated: on its pages, every text is about it.
    const nameFound = kinds.map((kind): number => (kind === Kind.context ? 1 : 0));
    const words = this.touchedWords;
    words.length = 0;
    for (const { term, start, length } of variant.spans) {
      const hit = this.hits.get(term);
      if (!hit) continue;
      for (let i = start; i < start + length; i++) nameFound[i] = Math.max(nameFound[i]!, hit.similarity);
      for (let i = hit.start; i < hit.start + hit.length; i++) {
        if (this.stamp[i] !== call) {
          this.stamp[i] = call;
          this.found[i] = 0;
          words.push(i);
        }
        this.found[i] = Math.max(this.found[i]!, hit.similarity);
      }
    }
    let [textWeight, explained] = [0, 0];
    for (const i of words) {
      textWeight += this.text.weights[i]! * this.found[i]!;
      if (this.text.kinds[i]! <= Kind.owner) explained++;
    }
    // An empty name (a register may hold one) explains nothing.
    const nameShare = variant.total > 0 ? sum(weights, nameFound) / variant.total : 0;
    const score: Score = {
      score: this.text.total > 0 ? nameShare * Math.sqrt(textWeight / this.text.total) : 0,
      nameShare,
      strong: variant.telling.some((telling, i) => telling && nameFound[i]! > 0),
      nameFound,
      unexplained: this.tellingWords - explained,
    };
    if (detail) {
      this.meter.add(this.text.weights.length);
      score.textFound = this.text.weights.map((_, i) => (this.stamp[i] === call ? this.found[i]! : 0));
    }
    return score;
  }
}

/** Weighted sum; with one argument, the plain sum. */
export function sum(weights: readonly number[], factors?: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i]! * (factors ? factors[i]! : 1);
  return total;
}
