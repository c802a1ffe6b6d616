import type { Messages } from './i18n';

// The English of the catalogues' shared Swedish pieces (shared/reference/indicators.ts and
// vardcentral-indicators.ts, same names), appended to each `explain_<id>` as the Swedish ones are.

/** Who was asked in the user survey, and which answers count (HEMTJANST_SURVEY, BOENDE_SURVEY). */
const HEMTJANST_SURVEY =
  " The question is asked in Socialstyrelsen's survey of older people, “Vad tycker de äldre om äldreomsorgen?” (What do older people think of elderly care?), of people aged 65 and over who have home care in their own home. Those who answered “don't know” or “no opinion” are not counted.";
const BOENDE_SURVEY =
  " The question is asked in Socialstyrelsen's survey of older people, “Vad tycker de äldre om äldreomsorgen?” (What do older people think of elderly care?), of people aged 65 and over who live in a care home. Those who answered “don't know” or “no opinion” are not counted.";
/** The unit survey, answered by the unit's manager (UNIT_SURVEY). */
const UNIT_SURVEY =
  " The figure comes from Socialstyrelsen's unit survey (enhetsundersökningen), which the unit's manager fills in. None of those who get help have answered, so the figure has no number of respondents.";
/** The patient survey from 2025: a mean of answers scored 0-1 (NPE_MEAN_TAIL). */
const NPE_MEAN_TAIL =
  ' The survey goes to a sample of patients who have seen a doctor at the primary-care centre in September–October. ' +
  "Each answer gives a score between 0 and 1, and the figure is the mean for the centre's respondents: the closer to 1, the more positive the answers. " +
  'The survey from 2025 measures in a different way from the earlier rounds, so the figures cannot be compared with theirs.';
/** The patient survey up to 2024: a share of positive answers (NPE_SHARE_TAIL). */
const NPE_SHARE_TAIL =
  ' The figure is the share of positive answers, in percent. The survey went to a sample of patients, aged 15 and over, who had seen a doctor at the primary-care centre. ' +
  'This is how it was measured up to and including 2024; the survey from 2025 measures in a different way.';

export const EN: Messages = {
  badgeLabel: 'Utförarkollen: facts about {name}. Open details',
  regi_egen_regi: 'Public (in-house)',
  regi_privat: 'Private',
  regi_ideburen: 'Non-profit',
  missing: 'No data',
  missing_no_data: 'the source has no figure for the period',
  missing_too_few_respondents: 'too few answers to show a figure',
  missing_not_linked: 'the unit is not yet linked to the source',
  missing_several_survey_units: 'reported per unit of the survey',
  demo: 'Example data',
  demoLong: 'Example data – not real facts',
  moreFacts: 'More facts',
  verified_kommun: 'The kommun last checked these facts on {date}',
  verified_region: 'The region last checked these facts on {date}',
  count_people: '{n} who answered',
  count_assessments: '{n} assessments',
  count_calls: '{n} calls',
  countNone: "the unit's manager answered",
  figureShare: '{value} of {count}',
  figureMean: '{value} on a scale {min}–{max}',
  answered_people: '{n} people answered in {period}.',
  answered_other: 'The figure rests on {count} ({period}).',
  facts: 'Facts',
  surveyUnits: 'Units in the survey',
  origin: 'Origin',
  basis: 'The list rests on',
  basis_register_kommun: "The kommun's register",
  basis_register_region: "The region's register",
  basis_kolada: "Units as in Socialstyrelsen's survey",
  year: 'Survey year',
  count: 'Based on',
  published: 'published {date}',
  explain: 'What does the figure mean?',
  showScale: 'Show on a scale',
  scaleLegend: 'The scale shows',
  reportWhat: 'What is wrong?',
  reportSends:
    'The report sends the website\'s name ({host}), the text in the list ("{text}") and what you chose above. Nothing about you.',
  reportSend: 'Send the report',
  cancel: 'Cancel',
  reportReceipt: 'It is about {name}: {kind}. Whoever keeps the register will see it.',
  openInTab: 'Open in a tab of its own',
  selection: 'Selection: {shown} of {total} {what}',
  selectionAll: 'All {total} {what}',
  what_register: 'approved providers',
  what_kolada: 'units in the survey',
  order: 'Order: {order}',
  orderName: 'alphabetical',
  orderIndicator: 'by "{label}", highest first',
  filteredBy: 'area {area}',
  filteredByLanguage: 'language {language}',
  printAll: 'Print all in alphabetical order',
  printShown: 'Print what is shown',
  page: 'Part {n} of {of}',
  footnotes: 'What the figures mean',
  noneChosenHere: 'No providers chosen yet. Use "Add to comparison" in a provider\'s details, or show all.',
  showAll: 'Show all providers',
  badAddress: 'The address does not say which kommun or region and service to compare.',
  popupFound: '{place}, {service}: {n} providers found',
  popupManual: 'chosen by hand',
  label_U21468: 'Satisfied with home care overall',
  label_U21466: 'Always treated well',
  label_U21467: 'Feel very safe with home care',
  label_U21477: 'Trust the staff',
  label_U21475: 'Staff come at the agreed time',
  label_U21461: 'Staff have enough time',
  label_U21462: 'Can influence when help is given',
  label_U21463: "Staff respect one's views and wishes",
  label_U21465: 'Told in advance about changes',
  label_U21481: 'Easy to reach the staff',
  label_N21495: 'Staff speak and understand Swedish',
  label_N21497: 'Meet their own contact person',
  label_N21608: 'Share of care staff who are assistant nurses',
  label_U23471: 'Satisfied with the care home overall',
  label_U23467: 'Think the food tastes good',
  label_U23468: 'Find meals a pleasant time',
  label_U23470: 'Satisfied with social activities',
  label_U23472: 'Easy to see a nurse when needed',
  label_U23482: 'Can see a doctor when needed',
  label_N23588: 'Share of care staff who are assistant nurses',
  label_npe_vard_och_behandling_medel: "Patients' rating of the care and the doctor",
  label_npe_delaktighet_medel: "Patients' sense of taking part",
  label_npe_bemotande_medel: "Patients' experience of how they were treated",
  label_npe_kontinuitet_medel: "Patients' experience of continuity",
  label_npe_information_medel: "Patients' experience of the information",
  label_npe_tillganglighet_medel: "Patients' experience of accessibility",
  label_npe_helhetsintryck_andel: 'Patients with a positive overall impression',
  label_npe_emotionellt_stod_andel: 'Patients who got support with worry and pain',
  label_npe_delaktighet_och_involvering_andel: 'Patients who felt they took part',
  label_npe_respekt_och_bemotande_andel: 'Patients treated with respect',
  label_npe_kontinuitet_och_koordinering_andel: 'Patients who felt the care was joined up',
  label_npe_information_och_kunskap_andel: 'Patients who got understandable information',
  label_npe_tillganglighet_andel: 'Patients who found the centre easy to reach',
  label_npe_svarsfrekvens: 'Share who answered the patient survey',
  label_vantetider_medicinsk_bedomning_3_dagar: 'Medical assessment within three days',
  label_vantetider_telefon_samma_dag: 'Calls answered the same day',
  short_U21468: 'Satisfied',
  short_U23471: 'Satisfied',
  short_npe_vard_och_behandling_medel: 'Rating of the care',
  // What each figure means: our Swedish explanations (the catalogues' `explanation` and `description`)
  // in English, the same facts, composed from the same shared pieces as the Swedish.
  explain_U21468:
    'Share of those who answered who are very or fairly satisfied with their home care, all things considered. The question: “Overall, how satisfied or dissatisfied are you with the home care you have?”' +
    HEMTJANST_SURVEY,
  explain_U21466:
    'Share of those who answered who find that the staff always treat them well (the answer “Yes, always”). The question: “Do the staff usually treat you well?”' +
    HEMTJANST_SURVEY,
  explain_U21467:
    'Share of those who answered who feel very safe living at home with the support of home care (the answer “Very safe”). The question: “How safe or unsafe does it feel to live at home with the support of the home-care staff?”' +
    HEMTJANST_SURVEY,
  explain_U21477:
    'Share of those who answered who feel trust in all or most of the staff. The question: “Do you feel trust in the staff who come to your home?”' +
    HEMTJANST_SURVEY,
  explain_U21475:
    'Share of those who answered who say that the staff always or usually come at the agreed time. The question: “Do the staff usually come at the agreed time?”' +
    HEMTJANST_SURVEY,
  explain_U21461:
    'Share of those who answered who say that the staff always or usually have enough time for their work in their home. The question: “Do the staff usually have enough time to do their work in your home?”' +
    HEMTJANST_SURVEY,
  explain_U21462:
    'Share of those who answered who say that they can always or usually influence at what times they get help from the home-care staff.' +
    HEMTJANST_SURVEY,
  explain_U21463:
    'Share of those who answered who say that the staff always or usually take their views and wishes into account on how the help is to be given. The question: “Do the staff usually take your views and wishes into account on how the help is to be carried out?”' +
    HEMTJANST_SURVEY,
  explain_U21465:
    'Share of those who answered who say that the staff always or usually tell them in advance about temporary changes. The question: “Do the staff usually tell you in advance about temporary changes?”' +
    HEMTJANST_SURVEY,
  explain_U21481:
    'Share of those who answered who find it very or fairly easy to get in touch with the home-care staff when they need to. The question: “How easy or difficult is it to get in touch with the home-care staff when needed?”' +
    HEMTJANST_SURVEY,
  explain_N21495:
    'Share of those who answered who say that all or most of the staff speak and understand Swedish well enough for them to understand each other. The question: “Do the home-care staff speak and understand Swedish well enough for you to understand each other?”' +
    HEMTJANST_SURVEY,
  explain_N21497:
    'Share of those who answered who often meet their own contact person, the member of staff with a particular responsibility for them. The question: “Do you usually meet your own contact person in home care?”' +
    HEMTJANST_SURVEY,
  explain_N21608:
    'How large a part, in percent, of the care staff in home care are assistant nurses (undersköterskor, a protected professional title since July 2023), counting the staff who worked according to the schedule at 9 a.m. on weekdays during two weeks in March.' +
    UNIT_SURVEY,
  explain_U23471:
    'Share of those who answered who are very or fairly satisfied with their care home, all things considered. The question: “Overall, how satisfied or dissatisfied are you with your care home?”' +
    BOENDE_SURVEY,
  explain_U23467:
    'Share of those who answered who find that the food usually tastes very or fairly good. The question: “How does the food usually taste?”' +
    BOENDE_SURVEY,
  explain_U23468:
    'Share of those who answered who find that meals are always or usually a pleasant time of the day. The question: “Do you find that meals at your care home are a pleasant time of the day?”' +
    BOENDE_SURVEY,
  explain_U23470:
    'Share of those who answered who are very or fairly satisfied with the activities the care home offers. The question: “How satisfied or dissatisfied are you with the activities offered at your care home?”' +
    BOENDE_SURVEY,
  explain_U23472:
    'Share of those who answered who find it very or fairly easy to see a nurse when they need to. The question: “How easy or difficult is it to see a nurse when needed?”' +
    BOENDE_SURVEY,
  explain_U23482:
    'Share of those who answered who find it very or fairly easy to see a doctor when they need to. The question: “How easy or difficult is it to see a doctor when needed?”' +
    BOENDE_SURVEY,
  explain_N23588:
    'How large a part, in percent, of the care staff at the care home are assistant nurses (undersköterskor, a protected professional title since July 2023), counting the staff who worked according to the schedule at 9 a.m. on weekdays during two weeks in March.' +
    UNIT_SURVEY,
  explain_npe_vard_och_behandling_medel:
    'The mean of two questions in the National Patient Survey (Nationell Patientenkät): how the patient found the care at the visit and how much trust the patient felt in the doctor.' +
    NPE_MEAN_TAIL,
  explain_npe_delaktighet_medel:
    'The mean of the questions on involvement in the National Patient Survey (Nationell Patientenkät): whether the patient felt involved in their care.' +
    NPE_MEAN_TAIL,
  explain_npe_bemotande_medel:
    'The mean of the questions on how patients were treated in the National Patient Survey (Nationell Patientenkät): how the patient found that the staff treated them.' +
    NPE_MEAN_TAIL,
  explain_npe_kontinuitet_medel:
    'The mean of the questions on continuity in the National Patient Survey (Nationell Patientenkät): how well the care held together for the patient over time.' +
    NPE_MEAN_TAIL,
  explain_npe_information_medel:
    'The mean of the questions on information in the National Patient Survey (Nationell Patientenkät): whether the patient got the information they needed, in a way they understood.' +
    NPE_MEAN_TAIL,
  explain_npe_tillganglighet_medel:
    'The mean of the questions on accessibility in the National Patient Survey (Nationell Patientenkät): how easy the patient found it to get in touch with the primary-care centre.' +
    NPE_MEAN_TAIL,
  explain_npe_helhetsintryck_andel:
    "The National Patient Survey's (Nationell Patientenkät) questions on the overall impression: whether the patient's care needs were met, whether the atmosphere at the clinic was good, whether the premises were clean and whether the patient would recommend the primary-care centre to someone else." +
    NPE_SHARE_TAIL,
  explain_npe_emotionellt_stod_andel:
    "The National Patient Survey's (Nationell Patientenkät) questions on emotional support: whether the staff were attentive and supportive when the patient felt worry, anxiety or pain." +
    NPE_SHARE_TAIL,
  explain_npe_delaktighet_och_involvering_andel:
    "The National Patient Survey's (Nationell Patientenkät) questions on participation and involvement: whether the patient felt involved in their care and in decisions about it, and whether the patient's wishes were taken into account." +
    NPE_SHARE_TAIL,
  explain_npe_respekt_och_bemotande_andel:
    "The National Patient Survey's (Nationell Patientenkät) questions on respect and treatment: whether the patient was treated with respect, compassion and engagement, adapted to their needs." +
    NPE_SHARE_TAIL,
  explain_npe_kontinuitet_och_koordinering_andel:
    "The National Patient Survey's (Nationell Patientenkät) questions on continuity and coordination: whether the staff worked together around the patient and whether the patient got to see the staff they wished to see." +
    NPE_SHARE_TAIL,
  explain_npe_information_och_kunskap_andel:
    "The National Patient Survey's (Nationell Patientenkät) questions on information and knowledge: whether the patient got answers to their questions in an understandable way, and information about, for example, treatment, medicines and waiting times." +
    NPE_SHARE_TAIL,
  explain_npe_tillganglighet_andel:
    "The National Patient Survey's (Nationell Patientenkät) questions on accessibility: whether it was easy to get in touch with the primary-care centre and its staff." +
    NPE_SHARE_TAIL,
  explain_npe_svarsfrekvens:
    'How large a part, in percent, of the patients who received the National Patient Survey (Nationell Patientenkät) answered it. The figure says how many answers the results rest on, not how good the care is.',
  explain_vantetider_medicinsk_bedomning_3_dagar:
    "Share, in percent, of the primary-care centre's medical assessments that were made within three days of it being decided that the patient would get care, " +
    'when the patient sought care for a new or worsened health problem. The assessment is made by licensed staff at a visit, a remote visit or a home visit. ' +
    'Patients who themselves chose to wait longer are not counted. What primary care is tasked with differs between the regions, which may affect the figure.',
  explain_vantetider_telefon_samma_dag:
    'Share, in percent, of the phone calls to the primary-care centre that were answered the same day. ' +
    'From 2024 the data come from a new source, so comparisons with earlier years should be made with caution.',
  close: 'Close',
  regi: 'Ownership',
  areas: 'Areas',
  scope: 'Scope',
  scope_service: 'Service',
  scope_omvardnad: 'Personal care',
  scope_hemsjukvard: 'Home health care',
  scope_natt: 'Nights',
  languages: 'Languages',
  extraServices: 'Extra services',
  acceptsNewClients: 'Accepts new clients',
  yes: 'Yes',
  no: 'No',
  website: 'Website',
  phone: 'Phone',
  address: 'Address',
  orgnr: 'Company registration number',
  verifiedAt: 'Check',
  source: 'Source',
  indicators: 'Results',
  thisUnit: 'Provider',
  kommunFigure: 'All of {place}',
  riket: 'Sweden',
  period: 'Period',
  history: 'Change history',
  historyNone: 'No change history yet.',
  history_added: 'Added to the register',
  history_ended: 'Ended',
  report: 'Report an error',
  report_wrong_match: 'Wrong provider linked to the name',
  report_outdated: 'The facts are out of date',
  report_missing: 'Something is missing',
  reportThanks: 'Thank you! The report was sent.',
  reportUnavailable: 'Reports cannot be sent right now.',
  addToComparison: 'Add to comparison',
  inComparison: 'Added to the comparison',
  openComparison: 'Open the comparison',
  entryPoint: 'See all providers of {service} in {place} side by side',
  comparison: 'Comparison',
  comparisonAll: 'All providers',
  comparisonChosen: 'Chosen providers',
  sortBy: 'Sort by',
  sortName: 'Name (A–Ö)',
  sortHighestFirst: '{label}, highest first',
  filterArea: 'Area',
  filterLanguage: 'Language',
  all: 'All',
  print: 'Print',
  printedOn: 'Printed {date}',
  noneChosen:
    'No providers chosen yet. Use "Add to comparison" in a provider\'s details, or open the comparison with the extension\'s button on a page listing providers.',
  remove: 'Remove',
  field: 'Fact',
  loading: 'Loading…',
  unavailable: 'The facts could not be loaded.',
  datasetUpdated: 'Data updated {date}',
  popupNothing: 'No kommun or region found on this page.',
  popupChoose: 'Choose kommun or region',
  popupSearch: 'Search kommun or region',
  popupService: 'Service',
  popupApply: 'Use on this website',
  popupAuto: 'Automatic',
  settings: 'Settings',
  textSize: 'Text size',
  textSize_normal: 'Normal',
  textSize_large: 'Large',
  'textSize_x-large': 'Larger',
  language: 'Language',
  chosenIndicators: 'Results on the badges',
  badgesOn: "Show badges beside providers' names",
  dataStatus: 'Data status',
  dataLive: 'Real data',
  fetchedAt: 'fetched {date}',
  noData: 'No data fetched yet.',
  apiFailure_timeout:
    "Utförarkollen's service did not answer in time ({date}). Pages are shown as usual, without badges or with the data fetched last.",
  apiFailure_unreachable:
    'Utförarkollen could not reach its service ({date}). Pages are shown as usual, without badges or with the data fetched last.',
  apiFailure_invalid:
    "Utförarkollen's service answered with something that was not a list of providers ({date}). Pages are shown as usual, without badges.",
  siteChanged:
    'The page looks different than expected: on {host}, Utförarkollen did not find {missing} (since {date}). Badges may be missing there until the extension is adapted.',
  privacy:
    "Utförarkollen collects nothing about you. It only fetches the list of providers for the kommun or region and service the page is about; the address of the page you read, your browsing history and your settings never leave the browser. Only if you report an error yourself are the report and the website's name sent.",
  service_hemtjanst: 'home care',
  service_sarskilt_boende: 'care homes',
  service_vardcentral: 'primary care',
};
