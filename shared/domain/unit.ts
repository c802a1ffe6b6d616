import { z } from 'zod';
import { huvudmanCode } from './huvudman';
import { indicatorValue } from './indicator';
import { service } from './service';

export const regi = z.enum(['egen_regi', 'privat', 'ideburen']);
export type Regi = z.infer<typeof regi>;

export const scope = z.enum(['service', 'omvardnad', 'hemsjukvard', 'natt']);
export type Scope = z.infer<typeof scope>;

export const unitStatus = z.enum(['aktiv', 'avslutad']);
export type UnitStatus = z.infer<typeof unitStatus>;

/**
 * Where a unit comes from. "register": a row of the huvudman's own register (or of the demo register,
 * in a list whose dataset is "demo"). "kolada": a baseline unit, one of Socialstyrelsen's survey units
 * as Kolada publishes them, listed because the kommun has not published a register for the service.
 */
export const unitOrigin = z.enum(['register', 'kolada']);
export type UnitOrigin = z.infer<typeof unitOrigin>;

/** How a survey unit came to be a unit's: the register's kolada_ou, the strict name matcher, or itself. */
export const surveyUnitLink = z.enum(['register', 'name', 'kolada']);

/** One of Kolada's organisational units (OU) for the surveys, whose figures the unit shows. */
export const surveyUnit = z.object({
  id: z.string().describe('Kolada OU id, e.g. "V21E058100101"'),
  title: z.string().nullable().describe("Kolada's title for it; null when Kolada does not list it"),
  linkedBy: surveyUnitLink.describe(
    "register: the register's kolada_ou; name: Kolada's title names the unit; kolada: the unit is this survey unit",
  ),
});
export type SurveyUnit = z.infer<typeof surveyUnit>;

/**
 * One provider unit in one choice system, as the API serves it.
 * Every unit has exactly these keys, whatever its origin; unknown values are null or [] (never left out).
 * Defaults only let a client read a response of an older API version; the API always sends every key.
 */
export const unit = z
  .object({
    id: z.string(),
    huvudman: huvudmanCode,
    service,
    name: z.string().describe("The register's name, or for a baseline unit Kolada's title as written"),
    origin: unitOrigin.default('register'),
    originNote: z
      .string()
      .default('')
      .describe(
        'Where the unit comes from, in plain Swedish: the register, or the survey round and Kolada for a baseline unit',
      ),
    regi: regi
      .nullable()
      .describe('null when unknown: a baseline unit has no regi (it comes only from a register)'),
    organisationsnummer: z.string().nullable(),
    aliases: z.array(z.string()),
    areas: z.array(z.string()),
    scope: z.array(scope),
    languages: z.array(z.object({ code: z.string(), name: z.string() })),
    extraServices: z.array(z.string()),
    acceptsNewClients: z.boolean().nullable(),
    contact: z.object({
      website: z.string().nullable(),
      phone: z.string().nullable(),
      address: z.string().nullable(),
    }),
    hsaId: z.string().nullable(),
    surveyUnits: z
      .array(surveyUnit)
      .default([])
      .describe(
        'The survey units whose figures the unit shows, in Swedish order of title; [] when none is linked',
      ),
    verifiedAt: z
      .string()
      .nullable()
      .describe('When the huvudman last checked this record (YYYY-MM-DD); null for a baseline unit'),
    stale: z.boolean().describe('verifiedAt is older than the configured maximum age'),
    status: unitStatus,
    statusDate: z.string().nullable(),
    indicators: z.array(indicatorValue),
  })
  .meta({ id: 'Unit' });
export type Unit = z.infer<typeof unit>;
