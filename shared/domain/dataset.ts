import { z } from 'zod';

/**
 * "demo": invented providers with synthetic figures, for trying the product. Always labelled.
 * "live": the huvudman's own register, with figures fetched from their sources.
 */
export const datasetKind = z.enum(['demo', 'live']);
export type DatasetKind = z.infer<typeof datasetKind>;

export const dataset = z
  .object({
    kind: datasetKind,
    version: z.string().describe('Changes whenever any data in this list changes'),
    updatedAt: z.string().nullable().describe('When the data last changed (ISO 8601)'),
  })
  .meta({ id: 'Dataset' });
export type Dataset = z.infer<typeof dataset>;
