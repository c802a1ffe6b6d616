import { z } from 'zod';
import { dataset } from './dataset';
import { huvudmanCode } from './huvudman';
import { indicatorDefinition } from './indicator';
import { service } from './service';
import { unit } from './unit';

/** GET /v1/kommuner/{code}/units and GET /v1/regioner/{code}/units */
export const unitList = z
  .object({
    huvudman: huvudmanCode,
    service,
    dataset,
    indicators: z.array(indicatorDefinition).describe('Definitions of the indicators every unit carries'),
    items: z.array(unit),
  })
  .meta({ id: 'UnitList' });
export type UnitList = z.infer<typeof unitList>;
