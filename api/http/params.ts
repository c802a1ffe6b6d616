import { z } from '@hono/zod-openapi';

/** A unit's public id as the API hands it out (e.g. "u_0123456789abcdef"): short, URL-safe. */
export const unitId = z
  .string()
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'a unit id has only letters, digits, - and _');

/** Path parameters of the /v1/units/{id} routes. */
export const unitIdParams = z.object({
  id: unitId.openapi({ param: { name: 'id', in: 'path' }, example: 'u_0123456789abcdef' }),
});
