/**
 * Lower case, without diacritics: "Välj Utförare" -> "valj utforare", "Linnégården" -> "linnegarden".
 * For comparing what people type or pages say with known names (search, detection); never shown.
 * Note that it makes Håbo and Habo equal: where they must stay apart, compare without folding.
 */
export function foldText(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}
