import type { WorkMeter } from './work';

/**
 * Typo tolerance per token: none up to 4 characters (short words and abbreviations differ by one
 * letter all the time: "Norr"/"Nord"), one edit up to 9, two from 10.
 */
export function allowedEdits(length: number): number {
  return length < 5 ? 0 : length < 10 ? 1 : 2;
}

/**
 * Optimal string alignment distance (insertions, deletions, substitutions, adjacent transpositions),
 * or max + 1 as soon as it is known to exceed max. Only the band of cells within max of the
 * diagonal is computed, so the cost is (2 max + 1) cells per letter: linear in the word's length.
 */
export function editDistance(a: string, b: string, max: number, meter?: WorkMeter): number {
  const over = max + 1;
  if (Math.abs(a.length - b.length) > max) return over;
  const width = 2 * max + 1;
  // Row i holds D[i][j] at k = j - i + max.
  let before = new Array<number>(width).fill(over);
  let prev = new Array<number>(width).fill(over);
  let row = new Array<number>(width).fill(over);
  for (let j = 0; j <= Math.min(max, b.length); j++) prev[j + max] = j;
  let cells = 0;
  for (let i = 1; i <= a.length; i++) {
    row.fill(over);
    let rowMin = over;
    for (let k = 0; k < width; k++) {
      const j = i - max + k;
      if (j < 0 || j > b.length) continue;
      cells++;
      let d: number;
      if (j === 0) d = i;
      else {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        d = prev[k]! + cost;
        if (k + 1 < width) d = Math.min(d, prev[k + 1]! + 1);
        if (k > 0) d = Math.min(d, row[k - 1]! + 1);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[k]! + 1);
      }
      row[k] = Math.min(d, over);
      if (row[k]! < rowMin) rowMin = row[k]!;
    }
    if (rowMin > max) {
      meter?.add(cells);
      return over;
    }
    [before, prev, row] = [prev, row, before];
  }
  meter?.add(cells);
  return Math.min(prev[b.length - a.length + max]!, over);
}

/**
 * The word itself and every form with up to `depth` characters deleted. Two words within `depth`
 * edits of each other share at least one of these forms, so a map from them finds typo candidates
 * without comparing against every word. Callers pass short words only (a prefix): the number of
 * forms grows with the square of the length.
 */
export function deletions(word: string, depth: number): Set<string> {
  const out = new Set([word]);
  let frontier = [word];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const w of frontier) {
      for (let i = 0; i < w.length; i++) {
        const shorter = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(shorter)) {
          out.add(shorter);
          next.push(shorter);
        }
      }
    }
    frontier = next;
  }
  return out;
}
