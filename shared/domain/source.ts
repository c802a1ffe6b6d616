import { z } from 'zod';

/** Where a fact or figure comes from, with the terms under which it may be shown. */
export const source = z
  .object({
    id: z.string(),
    name: z.string(),
    url: z.string().nullable(),
    licence: z.string(),
    attribution: z.string().describe('Text to show beside the figure, e.g. "Källa: Kolada"'),
  })
  .meta({ id: 'Source' });
export type Source = z.infer<typeof source>;

/** A short reference to a source, carried by each figure so it can be shown without a lookup. */
export const sourceRef = source.pick({ id: true, name: true, attribution: true }).meta({ id: 'SourceRef' });
export type SourceRef = z.infer<typeof sourceRef>;
