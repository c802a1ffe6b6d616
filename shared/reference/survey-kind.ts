/**
 * Whether a Kolada KPI title is one of Socialstyrelsen's unit survey ("Enhetsundersökningen …"), which
 * one manager answers per unit: its count is units, not people, so its figures have no respondents.
 * (The user survey, "Brukarbedömning …", is answered by the people who get help; its count is them.)
 * Pure and without the KPI catalogue, so the extension's content script can apply the same rule to
 * the title the API serves.
 */
export function isUnitSurveyTitle(title: string): boolean {
  return /^Enhetsundersökningen/i.test(title.trim());
}
