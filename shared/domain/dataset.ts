import { z } from 'zod';

/**
 * "demo": invented providers with synthetic figures, for trying the product. Always labelled.
 * "live": real data: the huvudman's own register, or Kolada's survey units, with figures from their sources.
 */
export const datasetKind = z.enum(['demo', 'live']);
export type DatasetKind = z.infer<typeof datasetKind>;

/**
 * What the list of units rests on. "register": the huvudman's register (the demo's invented register
 * for a demo list). "kolada": the survey units of Socialstyrelsen's surveys as Kolada publishes them,
 * because the kommun has no register for the service. null: neither yet (no register, never synced).
 */
export const datasetBasis = z.enum(['register', 'kolada']);
export type DatasetBasis = z.infer<typeof datasetBasis>;

export const dataset = z
  .object({
    kind: datasetKind,
    basis: datasetBasis
      .nullable()
      .default('register')
      .describe(
        'register: "Kommunens register"; kolada: "Enheter enligt Socialstyrelsens undersökning"; null: no data yet',
      ),
    version: z.string().describe('Changes whenever any data in this list changes'),
    updatedAt: z.string().nullable().describe('When the data last changed (ISO 8601)'),
  })
  .meta({ id: 'Dataset' });
export type Dataset = z.infer<typeof dataset>;
