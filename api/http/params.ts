import { z } from '@hono/zod-openapi';
import {
  type HuvudmanKind,
  huvudmanCode,
  kommunCode,
  regionCode,
  SERVICES,
  type Service,
  servicesFor,
} from '../../shared/domain';

/** A unit's public id as the API hands it out (e.g. "u_0123456789abcdef"): short, URL-safe. */
export const unitId = z
  .string()
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'a unit id has only letters, digits, - and _');

/** The demo dataset's "Exempelomsorg AB" in Norrköping: ids derive from the register, so it is stable. */
const EXAMPLE_UNIT_ID = 'u_7beede8e9f1fb2ba';

/** Path parameters of the /v1/units/{id} routes. */
export const unitIdParams = z.object({
  id: unitId.openapi({ param: { name: 'id', in: 'path' }, example: EXAMPLE_UNIT_ID }),
});

// Schemas from shared/domain are plain zod: they may be created before @hono/zod-openapi extends zod,
// so they get their examples through zod's own .meta(), which the OpenAPI generator reads as well.

/** The kommun or region code in a path, by kind (Norrköping, Östergötland as examples). */
export function huvudmanCodeParam(kind: HuvudmanKind) {
  return kind === 'kommun' ? kommunCode.meta({ example: '0581' }) : regionCode.meta({ example: '05' });
}

/** The kommun or region an editor acts for (query or path): the token must be that huvudman's. */
export const editorHuvudman = huvudmanCode.meta({ example: '0581' });

/** `?service=` of a kind's choice systems, each described with its Swedish name. */
export function serviceQuery(kind: HuvudmanKind) {
  const services = servicesFor(kind) as [Service, ...Service[]];
  return z
    .enum(services)
    .describe(services.map((s) => `${s} (${SERVICES[s].label.sv})`).join(', '))
    .openapi({ example: services[0] });
}
