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
 * One approved provider unit in one choice system, as the API serves it.
 * Every unit has exactly these keys; unknown values are null or [] (never left out).
 */
export const unit = z
  .object({
    id: z.string(),
    huvudman: huvudmanCode,
    service,
    name: z.string(),
    regi,
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
    koladaOu: z.string().nullable(),
    verifiedAt: z.string().describe('When the huvudman last checked this record (YYYY-MM-DD)'),
    stale: z.boolean().describe('verifiedAt is older than the configured maximum age'),
    status: unitStatus,
    statusDate: z.string().nullable(),
    indicators: z.array(indicatorValue),
  })
  .meta({ id: 'Unit' });
export type Unit = z.infer<typeof unit>;
