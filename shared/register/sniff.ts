/** JSON when the first non-blank character opens a JSON object or array; a CSV header never starts so. */
export function sniffFormat(text: string): 'csv' | 'json' {
  return /^\s*[{[]/.test(text) ? 'json' : 'csv';
}

export type Delimiter = ',' | ';';

/**
 * The delimiter used by the header line (the first line with anything but blanks and delimiters): whichever of ";" and ","
 * occurs more often outside quotes. Only the header is looked at, because values further down may
 * contain either character (addresses with commas in a semicolon file). A tab-separated header gives
 * "\t" so the caller can say so; a header with none of them (one column) gives null.
 */
export function sniffDelimiter(text: string): Delimiter | '\t' | null {
  let counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  let hasContent = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    if (quoted) {
      hasContent = true;
    } else if (char === '\n' || char === '\r') {
      if (hasContent) break;
      counts = { ',': 0, ';': 0, '\t': 0 };
    } else if (char === ',' || char === ';' || char === '\t') {
      counts[char]++;
    } else if (char.trim() !== '') {
      hasContent = true;
    }
  }
  if (counts[';'] === 0 && counts[','] === 0) return counts['\t'] > 0 ? '\t' : null;
  return counts[';'] >= counts[','] ? ';' : ',';
}
