import { KOLADA_RIKET } from '../../shared/domain/huvudman';

/**
 * The subject (indicator_values.subject) of the country's figure that one huvudman's figures file gives
 * beside its own units: "0000/05". A region's editor may send the country's figure of the same measure
 * and period with its units' figures (the source publishes them together), but only as its own copy: it
 * is shown beside that region's units alone, never beside another region's, and only that region's next
 * file replaces it. Kolada's national figures are subject "0000" and stay the sync's.
 */
export function riketCopySubject(huvudman: string): string {
  return `${KOLADA_RIKET}/${huvudman}`;
}
