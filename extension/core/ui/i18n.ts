import type { UiLanguage } from '../settings';

/**
 * The UI's words, Swedish first. The manifest's own strings (name, description) are in
 * public/_locales; these are bundled so the user can switch language in the popup.
 */
const sv = {
  badgeLabel: 'Utförarkollen: fakta om {name}. Öppna detaljer',
  regi_egen_regi: 'Egen regi',
  regi_privat: 'Privat',
  regi_ideburen: 'Idéburen',
  missing: 'Uppgift saknas',
  missing_no_data: 'Källan har ingen uppgift för perioden',
  missing_too_few_respondents: 'För få svar för att visa en siffra',
  missing_not_linked: 'Enheten är ännu inte kopplad till källan',
  missing_several_survey_units: 'Redovisas per enhet i undersökningen',
  demo: 'Exempeldata',
  demoLong: 'Exempeldata – påhittade uppgifter, inte verkliga',
  stale: 'Ej kontrollerad sedan {date}',
  respondents: '{n} svar',
  details: 'Detaljer',
  close: 'Stäng',
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
  contact: 'Kontakt',
  website: 'Webbplats',
  phone: 'Telefon',
  address: 'Adress',
  orgnr: 'Organisationsnummer',
  verifiedAt: 'Senast kontrollerad',
  source: 'Källa',
  registerSource: 'Källa: kommunens eller regionens utförarregister',
  indicators: 'Resultat',
  thisUnit: 'Utföraren',
  kommunFigure: 'Hela {place}',
  riket: 'Riket',
  period: 'Period',
  history: 'Ändringshistorik',
  historyNone: 'Ingen ändringshistorik finns ännu.',
  history_added: 'Tillagd i registret',
  history_ended: 'Avslutad',
  report: 'Rapportera fel',
  report_wrong_match: 'Fel utförare kopplad till namnet',
  report_outdated: 'Uppgifterna är inaktuella',
  report_missing: 'Något saknas',
  reportThanks: 'Tack! Rapporten är skickad.',
  reportUnavailable: 'Det går inte att skicka rapporter just nu.',
  addToComparison: 'Lägg till i jämförelse',
  inComparison: 'Tillagd i jämförelsen',
  openComparison: 'Öppna jämförelsen',
  entryPoint: 'Se alla utförare av {service} i {place} sida vid sida',
  comparison: 'Jämförelse',
  comparisonAll: 'Alla utförare',
  comparisonChosen: 'Valda utförare',
  sortBy: 'Sortera efter',
  sortName: 'Namn (A–Ö)',
  sortHighestFirst: '{label}, högst först',
  filterArea: 'Område',
  filterLanguage: 'Språk',
  all: 'Alla',
  print: 'Skriv ut',
  printedOn: 'Utskriven {date}',
  noneChosen:
    'Inga utförare valda ännu. Välj "Lägg till i jämförelse" i en utförares detaljer, eller visa alla.',
  remove: 'Ta bort',
  field: 'Uppgift',
  loading: 'Hämtar…',
  unavailable: 'Uppgifterna kunde inte hämtas.',
  datasetUpdated: 'Uppgifterna uppdaterades {date}',
  popupDetected: 'Den här sidan',
  popupNothing: 'Ingen kommun eller region hittades på sidan.',
  popupChoose: 'Välj kommun eller region',
  popupSearch: 'Sök kommun eller region',
  popupService: 'Tjänst',
  popupApply: 'Använd på den här webbplatsen',
  popupAuto: 'Automatiskt',
  settings: 'Inställningar',
  textSize: 'Textstorlek',
  textSize_normal: 'Normal',
  textSize_large: 'Stor',
  'textSize_x-large': 'Större',
  language: 'Språk',
  chosenIndicators: 'Resultat på märkena',
  badgesOn: 'Visa märken bredvid utförarnas namn',
  dataStatus: 'Datastatus',
  dataLive: 'Riktiga uppgifter',
  fetchedAt: 'hämtad {date}',
  noData: 'Inga uppgifter hämtade ännu.',
  apiFailure_timeout:
    'Utförarkollen fick inget svar i tid från sin tjänst ({date}). Sidorna visas som vanligt, utan märken eller med de senast hämtade uppgifterna.',
  apiFailure_unreachable:
    'Utförarkollen kunde inte nå sin tjänst ({date}). Sidorna visas som vanligt, utan märken eller med de senast hämtade uppgifterna.',
  apiFailure_invalid:
    'Utförarkollens tjänst svarade med något som inte var en utförarlista ({date}). Sidorna visas som vanligt, utan märken.',
  siteChanged:
    'Sidan ser annorlunda ut än väntat: på {host} hittade Utförarkollen inte {missing} (sedan {date}). Märken kan saknas där tills tillägget har anpassats.',
  privacy:
    'Utförarkollen samlar inte in något om dig. Tillägget hämtar bara listan över utförare för den kommun eller region och tjänst som sidan handlar om; adressen till sidan du läser, din webbhistorik och dina inställningar lämnar aldrig webbläsaren. Bara om du själv rapporterar ett fel skickas rapporten och webbplatsens namn.',
  service_hemtjanst: 'hemtjänst',
  service_sarskilt_boende: 'särskilt boende',
  service_vardcentral: 'vårdcentral',
  short_U21468: 'Nöjd totalt',
  short_U23471: 'Nöjd totalt',
};

export type MessageKey = keyof typeof sv;

export type Messages = typeof sv;

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/**
 * Swedish is bundled everywhere; English is bundled in the extension pages and handed to content
 * scripts by the background on request (see i18n-en.ts), which keeps the content script small.
 */
export function translator(language: UiLanguage, english?: Messages | null): Translate {
  const messages = language === 'en' && english ? english : sv;
  return (key, vars) => {
    let text: string = messages[key] ?? sv[key] ?? key;
    if (vars)
      for (const [name, value] of Object.entries(vars)) text = text.replaceAll(`{${name}}`, String(value));
    return text;
  };
}

export function hasMessage(key: string): key is MessageKey {
  return key in sv;
}
