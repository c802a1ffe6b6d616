/**
 * What a huvudman's code says, without zod (the content script cannot afford it): a kommun has a
 * 4-digit kommunkod ("0581" Norrköping), a region the 2-digit länskod of its län ("05").
 */
export type HuvudmanKind = 'kommun' | 'region';

/** A kommunkod (four digits) or a länskod (two digits). */
export const HUVUDMAN_CODE_PATTERN = /^(\d{2}|\d{4})$/;

export function huvudmanKind(code: string): HuvudmanKind {
  return code.length === 2 ? 'region' : 'kommun';
}

/** The län a kommun lies in: the first two digits of its kommunkod ("0581" -> "05"). */
export function lanCodeOfKommun(kommunCode: string): string {
  return kommunCode.slice(0, 2);
}

/** Kolada identifies a region as "00" + länskod (e.g. "0005"), the whole country as "0000". */
export function koladaIdForRegion(lanCode: string): string {
  return `00${lanCode}`;
}
export const KOLADA_RIKET = '0000';
