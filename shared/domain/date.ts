/** Made once: constructing an Intl.DateTimeFormat costs far more than using one. */
const swedishDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in Sweden, YYYY-MM-DD (not UTC's: just after midnight in Sweden it is still yesterday there). */
export function todayInSweden(now: Date = new Date()): string {
  const parts = swedishDate.formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
