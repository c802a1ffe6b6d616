import { z } from 'zod';
import { service } from './service';

/** What happened to a unit's record: it entered the register, a field changed, it left, a figure moved. */
export const changeKind = z.enum(['added', 'changed', 'ended', 'indicator']);
export type ChangeKind = z.infer<typeof changeKind>;

/**
 * One transaction's change to one unit, as the register import and the Kolada sync record it.
 * An added unit is one change of field "unit" holding all its fields.
 */
export interface UnitChange {
  unitId: string;
  huvudman: string;
  service: string;
  kind: ChangeKind;
  changes: { field: string; from: unknown; to: unknown }[];
}

/** One entry of a unit's public history (GET /v1/units/{id}/history), newest first. */
export const historyEntry = z
  .object({
    id: z.number().int().describe('Grows with every change'),
    at: z.string().describe('When (ISO 8601)'),
    actor: z.string().describe('Who made it: an editor team\'s token name, "cli", "sync" or "demo"'),
    unitId: z.string(),
    kind: changeKind,
    field: z
      .string()
      .describe('The field that changed; "unit" for an added unit, whose `to` then holds every field'),
    from: z.unknown().describe('The value before (null for an added unit)'),
    to: z.unknown().describe('The value after'),
  })
  .meta({ id: 'HistoryEntry' });
export type HistoryEntry = z.infer<typeof historyEntry>;

/** An entry of a huvudman's change log (editors), with the service of the unit. */
export const huvudmanHistoryEntry = historyEntry.extend({ service }).meta({ id: 'HuvudmanHistoryEntry' });
export type HuvudmanHistoryEntry = z.infer<typeof huvudmanHistoryEntry>;
