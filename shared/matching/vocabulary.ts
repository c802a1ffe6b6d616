import { allowedEdits, deletions, editDistance } from './distance';
import type { Kind } from './lexicon';

/** A query word found in the vocabulary: which term, how similar (1 exact, less for typos). */
export interface TermHit {
  term: number;
  similarity: number;
}

/**
 * Every word (and written-together word pair) of one list of units, with how many units use it, and
 * an index of near-misses for typo tolerance. Built once per list; lookups are map reads.
 */
export class Vocabulary {
  readonly ids = new Map<string, number>();
  readonly terms: string[] = [];
  readonly kinds: Kind[] = [];
  /** Postings: which name variants contain each term. */
  readonly variants: number[][] = [];
  private readonly units: Set<number>[] = [];
  private readonly nearMisses = new Map<string, number[]>();
  private readonly typoIndexed = new Set<number>();

  /**
   * Adds a term of a name variant; `typos` also indexes its near-misses (single words only). A term
   * that is a brand in one name and a written-together pair in another keeps the stronger kind.
   */
  add(term: string, kind: Kind, variant: number, unit: number, typos: boolean): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
      this.kinds.push(kind);
      this.variants.push([]);
      this.units.push(new Set());
    } else if (kind < this.kinds[id]!) {
      this.kinds[id] = kind;
    }
    if (typos && !this.typoIndexed.has(id)) {
      this.typoIndexed.add(id);
      for (const form of deletions(term, fuzzyDepth(term))) {
        const list = this.nearMisses.get(form);
        if (list) list.push(id);
        else this.nearMisses.set(form, [id]);
      }
    }
    const postings = this.variants[id]!;
    if (postings[postings.length - 1] !== variant) postings.push(variant);
    this.units[id]!.add(unit);
    return id;
  }

  /** How many units use the term (0 for a word the list does not have). */
  unitCount(term: number | undefined): number {
    return term === undefined ? 0 : this.units[term]!.size;
  }

  /** The term itself, or failing that the terms within the allowed number of edits. */
  find(word: string, typos: boolean): TermHit[] {
    const exact = this.ids.get(word);
    if (exact !== undefined) return [{ term: exact, similarity: 1 }];
    const depth = typos ? fuzzyDepth(word) : 0;
    if (depth === 0) return [];
    const seen = new Set<number>();
    const hits: TermHit[] = [];
    for (const form of deletions(word, depth)) {
      for (const term of this.nearMisses.get(form) ?? []) {
        if (seen.has(term)) continue;
        seen.add(term);
        const other = this.terms[term]!;
        const max = allowedEdits(Math.min(word.length, other.length));
        const distance = editDistance(word, other, max);
        if (distance <= max)
          hits.push({ term, similarity: 1 - distance / Math.max(word.length, other.length) });
      }
    }
    return hits;
  }
}

function fuzzyDepth(word: string): number {
  return /\d/.test(word) ? 0 : allowedEdits(word.length);
}
