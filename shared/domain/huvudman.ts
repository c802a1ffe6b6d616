import { z } from 'zod';
import { HUVUDMAN_CODE_PATTERN } from './huvudman-code';

/** A kommun is identified by its 4-digit kommunkod (e.g. "0581" Norrköping). */
export const kommunCode = z.string().regex(/^\d{4}$/, 'en kommunkod har fyra siffror, till exempel 0581');

/** A region is identified by the 2-digit länskod of its län (e.g. "05" Östergötland). */
export const regionCode = z.string().regex(/^\d{2}$/, 'en länskod har två siffror, till exempel 05');

/** The body responsible for a choice system: a kommun (4 digits) or a region (2 digits). */
export const huvudmanCode = z
  .string()
  .regex(HUVUDMAN_CODE_PATTERN, 'huvudman är en kommunkod (fyra siffror) eller en länskod (två siffror)');

export {
  HUVUDMAN_CODE_PATTERN,
  type HuvudmanKind,
  huvudmanKind,
  KOLADA_RIKET,
  koladaIdForRegion,
  lanCodeOfKommun,
} from './huvudman-code';

export const lan = z.object({ code: regionCode, name: z.string() });

export const kommun = z
  .object({
    code: kommunCode,
    name: z.string().describe('Official name, e.g. "Norrköpings kommun"'),
    shortName: z.string().describe('Short name, e.g. "Norrköping"'),
    lan,
    website: z.string().nullable().describe('Bare host of the kommun website'),
  })
  .meta({ id: 'Kommun' });
export type Kommun = z.infer<typeof kommun>;

export const region = z
  .object({
    code: regionCode,
    name: z.string().describe('e.g. "Region Östergötland"'),
    lan,
    website: z.string().nullable(),
  })
  .meta({ id: 'Region' });
export type Region = z.infer<typeof region>;
