import type { Source } from '../domain/source';
import { VARDCENTRAL_SOURCES } from './vardcentral-sources';

export const SOURCES = {
  kolada: {
    id: 'kolada',
    name: 'Kolada (RKA), från Socialstyrelsens undersökningar',
    url: 'https://www.kolada.se',
    licence:
      'Fri att använda, även kommersiellt. Ange källan. Bearbetade värden får inte tillskrivas Kolada.',
    attribution: 'Källa: Kolada',
  },
  register: {
    id: 'register',
    name: 'Huvudmannens utförarregister',
    url: null,
    licence: 'Offentlig uppgift från kommunen eller regionen',
    attribution: 'Källa: kommunens eller regionens utförarregister',
  },
  demo: {
    id: 'demo',
    name: 'Exempeldata (påhittade värden)',
    url: null,
    licence: 'Påhittad exempeldata, inte verkliga uppgifter',
    attribution: 'Exempeldata – inte verkliga uppgifter',
  },
  scb: {
    id: 'scb',
    name: 'Kommun- och länskoder (SCB, via Kolada)',
    url: 'https://www.scb.se/hitta-statistik/regional-statistik-och-kartor/regionala-indelningar/',
    licence: 'CC0 1.0',
    attribution: 'Källa: SCB',
  },
  // Nationell Patientenkät, Väntetider i vården, Vården i siffror: the sources of the vårdcentral figures.
  ...VARDCENTRAL_SOURCES,
} as const satisfies Record<string, Source>;

export type SourceId = keyof typeof SOURCES;
