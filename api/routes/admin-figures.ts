import { createRoute, z } from '@hono/zod-openapi';
import { MAX_LISTED_PROBLEMS } from '../../shared/register';
import { errorAnswer } from '../http/errors';
import { editorHuvudman } from '../http/params';
import { XLSX_MEDIA_TYPE } from '../register/upload';
import { fileProblems } from './file-problems';

const json = <S extends z.ZodType>(schema: S) => ({ 'application/json': { schema } });

const fileRead = z
  .object({
    format: z.enum(['csv', 'json', 'xlsx']).nullable(),
    sheet: z.string().nullable().describe('The sheet read, for XLSX'),
  })
  .describe('How the file was read');

const setSummary = z.object({
  huvudman: z.string().describe('Kommun or region code, or "riket"'),
  service: z.string(),
  indicatorId: z.string(),
  period: z.string(),
  added: z.number(),
  changed: z.number(),
  removed: z.number(),
  unchanged: z.number(),
});

const figuresSummary = z.object({
  added: z.number(),
  changed: z.number(),
  removed: z.number().describe('Stored figures of the sets the file contains that the file no longer has'),
  unchanged: z.number(),
  sets: z.array(setSummary).describe('Each (huvudman, tjanst, indikator, period) set the file replaced'),
  file: fileRead,
});

const problems = fileProblems(z.literal('invalid_figures'), fileRead);

/** PUT /v1/admin/figures/{huvudman}: the route's contract; the handler is in admin.ts beside the register's. */
export const figuresRoute = createRoute({
  method: 'put',
  path: '/figures/{huvudman}',
  tags: ['Redaktörer'],
  summary: "Replace figures of the huvudman's units (CSV, JSON or XLSX, indikatorvärden v1)",
  description:
    'Same format and checks as `npm run import` with a figures file (docs/figures-format.md). The file is the complete ' +
    'set of its figures for each (huvudman, tjanst, indikator, period) it contains: figures of those sets missing from ' +
    "it are removed. Every unit must be in the huvudman's register (by HSA id, Kolada id or register id); every row " +
    "must be the huvudman's own or the country's (`riket`), and the country's figures are stored as this huvudman's " +
    "comparison, shown beside its own units only. Figures below the indicator's threshold are stored as missing " +
    `(too_few_respondents). Send CSV as text/csv, JSON as application/json, XLSX as ${XLSX_MEDIA_TYPE} (the sheet ` +
    `"Indikatorvärden", else the first); other types are sniffed. Any bad row: 400 with the first ${MAX_LISTED_PROBLEMS} ` +
    'problems, the count of all, and nothing written. Re-sending the same file changes nothing.',
  security: [{ editorToken: [] }],
  request: {
    params: z.object({ huvudman: editorHuvudman }),
    body: {
      content: {
        'text/csv': {
          schema: z.string().openapi({
            example:
              'huvudman;tjanst;enhet;indikator;period;varde;antal;kalla;kalla_url;publicerad\n' +
              '05;vardcentral;SE2321000000-E000000000001;npe_vard_och_behandling_medel;2025;0,82;143;Nationell Patientenkät 2025;https://example.invalid/npe-2025;2026-03-14',
          }),
        },
        [XLSX_MEDIA_TYPE]: { schema: z.string().openapi({ format: 'binary' }) },
      },
    },
  },
  responses: {
    200: {
      description: 'Imported; what changed per set, and how the file was read',
      content: json(figuresSummary),
    },
    400: { description: 'The file has problems; nothing was written', content: json(problems) },
    401: errorAnswer('Missing, unknown or revoked token'),
    403: errorAnswer('The token belongs to another huvudman'),
    413: errorAnswer('Body too large'),
  },
});
