import type { Source } from '../domain/source';

/**
 * The sources of the vårdcentral figures. Their terms of reuse were not found in the stored material
 * (see ../shared/docs/VARDCENTRAL_SOURCES.md); the licence text says so rather than guess.
 * Part of SOURCES (sources.ts), so they are in the sources table and GET /v1/sources.
 */
export const VARDCENTRAL_SOURCES = {
  npe: {
    id: 'npe',
    name: 'Nationell Patientenkät (Sveriges Kommuner och Regioner)',
    url: 'https://patientenkat.se',
    licence: 'Offentliggjorda resultat från SKR. Villkoren för vidareanvändning är inte bekräftade.',
    attribution: 'Källa: Nationell Patientenkät, SKR',
  },
  vantetider: {
    id: 'vantetider',
    name: 'Väntetider i vården (Sveriges Kommuner och Regioner)',
    url: 'https://www.vantetider.se',
    licence: 'Offentliggjorda resultat från SKR. Villkoren för vidareanvändning är inte bekräftade.',
    attribution: 'Källa: Väntetider i vården, SKR',
  },
  vis: {
    id: 'vis',
    name: 'Vården i siffror (Sveriges Kommuner och Regioner)',
    url: 'https://vardenisiffror.se',
    licence: 'Öppet API utan nyckel. Villkoren för vidareanvändning är inte bekräftade.',
    attribution: 'Källa: Vården i siffror, SKR',
  },
} as const satisfies Record<string, Source>;

export type VardcentralSourceId = keyof typeof VARDCENTRAL_SOURCES;
