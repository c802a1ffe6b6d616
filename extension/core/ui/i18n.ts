import type { UiLanguage } from '../settings';
import type { SV_PAGES } from './i18n-pages';

/**
 * The UI's words, Swedish first. The manifest's own strings (name, description) are in
 * public/_locales; these are bundled so the user can switch language in the popup.
 */
const sv = {
  badgeLabel: 'Utförarkollen: fakta om {name}. Öppna detaljer',
  moreFacts: 'Mer fakta',
  regi_egen_regi: 'Egen regi',
  regi_privat: 'Privat',
  regi_ideburen: 'Idéburen',
  missing: 'Uppgift saknas',
  missing_no_data: 'källan har ingen uppgift för perioden',
  missing_too_few_respondents: 'för få svar för att visa en siffra',
  missing_not_linked: 'enheten är ännu inte kopplad till källan',
  missing_several_survey_units: 'redovisas per enhet i undersökningen',
  demo: 'Exempeldata',
  demoLong: 'Exempeldata – inte verkliga uppgifter',
  verified_kommun: 'Kommunen kontrollerade uppgifterna senast {date}',
  verified_region: 'Regionen kontrollerade uppgifterna senast {date}',
  count_people: '{n} som svarade',
  count_assessments: '{n} bedömningar',
  count_calls: '{n} samtal',
  countNone: 'enhetens chef svarade',
  figureShare: '{value} av {count}',
  figureMean: '{value} på en skala {min}–{max}',
  answered_people: '{n} personer svarade {period}.',
  answered_other: 'Siffran bygger på {count} ({period}).',
  close: 'Stäng',
  facts: 'Fakta',
  regi: 'Regi',
  areas: 'Områden',
  scope: 'Omfattning',
  scope_service: 'Service',
  scope_omvardnad: 'Omvårdnad',
  scope_hemsjukvard: 'Hemsjukvård',
  scope_natt: 'Natt',
  languages: 'Språk',
  extraServices: 'Tilläggstjänster',
  acceptsNewClients: 'Tar emot nya kunder',
  yes: 'Ja',
  no: 'Nej',
  website: 'Webbplats',
  phone: 'Telefon',
  address: 'Adress',
  orgnr: 'Organisationsnummer',
  surveyUnits: 'Enheter i undersökningen',
  origin: 'Ursprung',
  verifiedAt: 'Kontroll',
  basis: 'Listan bygger på',
  basis_register_kommun: 'Kommunens register',
  basis_register_region: 'Regionens register',
  basis_kolada: 'Enheter enligt Socialstyrelsens undersökning',
  indicators: 'Resultat',
  thisUnit: 'Utföraren',
  kommunFigure: 'Hela {place}',
  riket: 'Riket',
  period: 'Period',
  year: 'Mätår',
  count: 'Underlag',
  published: 'publicerad {date}',
  explain: 'Vad betyder siffran?',
  showScale: 'Visa på en skala',
  scaleLegend: 'Skalan visar',
  history: 'Ändringshistorik',
  historyNone: 'Ingen ändringshistorik finns ännu.',
  history_added: 'Tillagd i registret',
  history_ended: 'Avslutad',
  report: 'Rapportera fel',
  reportWhat: 'Vad är fel?',
  report_wrong_match: 'Fel utförare kopplad till namnet',
  report_outdated: 'Uppgifterna är inaktuella',
  report_missing: 'Något saknas',
  reportSends:
    'Rapporten skickar webbplatsens namn ({host}), texten i listan (”{text}”) och det du valde ovan. Inget om dig.',
  reportSend: 'Skicka rapporten',
  cancel: 'Avbryt',
  reportThanks: 'Tack! Rapporten är skickad.',
  reportReceipt: 'Den gäller {name}: {kind}. Den som sköter registret får se den.',
  reportUnavailable: 'Det går inte att skicka rapporter just nu.',
  addToComparison: 'Lägg till i jämförelse',
  inComparison: 'Tillagd i jämförelsen',
  openComparison: 'Öppna jämförelsen',
  entryPoint: 'Se alla utförare av {service} i {place} sida vid sida',
  all: 'Alla',
  service_hemtjanst: 'hemtjänst',
  service_sarskilt_boende: 'särskilt boende',
  service_vardcentral: 'vårdcentral',
  short_U21468: 'Nöjda',
  short_U23471: 'Nöjda',
  short_npe_vard_och_behandling_medel: 'Omdöme om vården',
};

/**
 * Per indicator, what the API does not carry in English: `label_<id>`, `short_<id>` (the badge's) and
 * `explain_<id>`. Swedish has them from the API (label, description) and needs none but the short ones.
 */
export type IndicatorMessageKey = `label_${string}` | `short_${string}` | `explain_${string}`;

export type MessageKey = keyof typeof sv | keyof typeof SV_PAGES;

export type Messages = typeof sv & typeof SV_PAGES & { [key in IndicatorMessageKey]?: string };

export type Translate = (
  key: MessageKey | IndicatorMessageKey,
  vars?: Record<string, string | number>,
) => string;

/**
 * Swedish is bundled everywhere; the extension pages' own Swedish (popup, comparison, print) is in
 * i18n-pages.ts, passed in by the pages only. English is bundled in the extension pages and handed
 * to content scripts by the background on request (see i18n-en.ts). Both keep the content script small.
 * A key neither language has comes back as itself (see `translated`).
 */
export function translator(
  language: UiLanguage,
  english?: Messages | null,
  pages?: typeof SV_PAGES,
): Translate {
  const messages: Partial<Messages> = language === 'en' && english ? english : sv;
  const swedish: Partial<Messages> = { ...sv, ...pages };
  return (key, vars) => {
    let text: string = messages[key as MessageKey] ?? swedish[key as MessageKey] ?? key;
    if (vars)
      for (const [name, value] of Object.entries(vars)) text = text.replaceAll(`{${name}}`, String(value));
    return text;
  };
}

/** The message for `key`, or null when this language has none (the caller then shows the API's Swedish). */
export function translated(t: Translate, key: IndicatorMessageKey): string | null {
  const text = t(key);
  return text === key ? null : text;
}
