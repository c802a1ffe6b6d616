import { and, eq, sql } from 'drizzle-orm';
import type { DatasetKind } from '../../shared/domain';
import type { FigureRow, FigureSet } from '../../shared/figures';
import { MAX_LISTED_PROBLEMS, type RegisterProblem, todayInSweden } from '../../shared/register';
import { chunks, rowsPerTable } from '../db/chunks';
import type { Database, Transaction } from '../db/client';
import { bumpDataVersion } from '../db/data-version';
import { datasets, indicatorValues } from '../db/schema';
import { recordChanges, type UnitChange } from '../history/changes';
import { figuresOwner } from './owner';
import { type FigureChange, type FigurePlan, planFigureImport, type SetSummary } from './plan';
import { type FiguresFileInfo, type FiguresFormat, readFiguresFile } from './read';

/** Figures per multi-row INSERT: one bound value per column. */
const FIGURES_PER_INSERT = rowsPerTable(indicatorValues);

export interface FiguresSummary {
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  sets: SetSummary[];
}

export interface FiguresImportOptions {
  /** Who made the change: a token's name, or "cli". */
  actor?: string;
  now?: Date;
  /** The editor token's huvudman: every row must be its own or the country's. Null for the CLI. */
  editorHuvudman?: string | null;
  /**
   * Checked inside the transaction before anything is written: false refuses the import as stale (the
   * editors' page publishes only the plan the editor reviewed).
   */
  acceptPlan?: (plan: FigurePlan) => boolean;
}

export type FiguresRowsResult =
  | { ok: true; summary: FiguresSummary }
  | { ok: false; problems: RegisterProblem[]; problemCount: number; stale?: true };

export type FiguresImportResult = FiguresRowsResult & { file: FiguresFileInfo };

/** Reads a figures file (CSV, JSON or XLSX) and checks all of it, then imports it all-or-nothing. */
export async function importFigures(
  db: Database,
  input: Uint8Array | string,
  options: FiguresImportOptions & { format?: FiguresFormat } = {},
): Promise<FiguresImportResult> {
  const now = options.now ?? new Date();
  const parsed = readFiguresFile(input, { format: options.format, today: todayInSweden(now) });
  if (!parsed.ok) return { ...capped(parsed.problems), file: parsed.file };
  const result = await importFigureRows(db, parsed.rows, parsed.sets, { ...options, now });
  return { ...result, file: parsed.file };
}

export type FiguresPreview =
  | { ok: true; plan: FigurePlan; file: FiguresFileInfo }
  | { ok: false; problems: RegisterProblem[]; problemCount: number; file: FiguresFileInfo };

/** What importing the file would do, writing nothing: the editors' page's "Granska". */
export async function previewFigureImport(
  db: Database,
  input: Uint8Array | string,
  options: { editorHuvudman: string | null; now: Date; format?: FiguresFormat },
): Promise<FiguresPreview> {
  const parsed = readFiguresFile(input, { format: options.format, today: todayInSweden(options.now) });
  if (!parsed.ok) return { ...capped(parsed.problems), file: parsed.file };
  const owner = figuresOwner(parsed.rows, options.editorHuvudman);
  if (!owner.ok) return { ...owner, file: parsed.file };
  const planned = await planFigureImport(db, parsed.rows, parsed.sets, { riketOwner: owner.riketOwner });
  if (!planned.ok) return { ...capped(planned.problems), file: parsed.file };
  return { ok: true, plan: planned.plan, file: parsed.file };
}

/** A fingerprint of what a plan writes: the same file against the same stored figures gives the same one. */
export function planFingerprint(plan: FigurePlan): string {
  const part = (list: readonly FigureChange[]) =>
    list.map((c) => [c.before, c.after]).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  return JSON.stringify([part(plan.added), part(plan.changed), part(plan.removed), plan.unchanged]);
}

function capped(problems: readonly RegisterProblem[]) {
  return {
    ok: false as const,
    problems: problems.slice(0, MAX_LISTED_PROBLEMS),
    problemCount: problems.length,
  };
}

/**
 * Imports checked figures in one transaction. Each (huvudman, tjänst, indikator, period) set in the file
 * is replaced by the file's figures: new ones added, changed ones updated, stored ones missing from the
 * file removed, each with a line of history (field "indikator period", the figure before and after) and
 * the choice system's dataset version moved on. Nothing is written when any unit cannot be found or
 * belongs to another huvudman; re-importing the same file writes nothing at all.
 */
export async function importFigureRows(
  db: Database,
  rows: readonly FigureRow[],
  sets: readonly FigureSet[],
  options: FiguresImportOptions = {},
): Promise<FiguresRowsResult> {
  const owner = figuresOwner(rows, options.editorHuvudman ?? null);
  if (!owner.ok) return owner;
  const actor = options.actor ?? 'cli';
  const nowIso = (options.now ?? new Date()).toISOString();
  return db.transaction(async (tx): Promise<FiguresRowsResult> => {
    const planned = await planFigureImport(tx, rows, sets, { riketOwner: owner.riketOwner });
    if (!planned.ok) return capped(planned.problems);
    const { plan } = planned;
    if (options.acceptPlan && !options.acceptPlan(plan)) {
      const message = 'siffrorna har ändrats sedan filen granskades; granska den igen';
      return { ok: false, problems: [{ line: null, column: null, message }], problemCount: 1, stale: true };
    }
    const changes = plan.added.length + plan.changed.length + plan.removed.length;
    if (changes > 0) {
      await applyPlan(tx, plan, { kind: 'live', nowIso });
      await recordChanges(tx, history(plan, owner.riketOwner), actor, nowIso);
      await bumpDataVersion(tx);
    }
    return {
      ok: true,
      summary: {
        added: plan.added.length,
        changed: plan.changed.length,
        removed: plan.removed.length,
        unchanged: plan.unchanged,
        sets: plan.sets,
      },
    };
  });
}

async function applyPlan(
  tx: Transaction,
  plan: FigurePlan,
  { kind, nowIso }: { kind: DatasetKind; nowIso: string },
) {
  for (const { before } of plan.removed) {
    const b = before!;
    await tx
      .delete(indicatorValues)
      .where(
        and(
          eq(indicatorValues.scope, b.scope),
          eq(indicatorValues.subject, b.subject),
          eq(indicatorValues.indicatorId, b.indicatorId),
          eq(indicatorValues.period, b.period),
        ),
      );
  }
  const writes = [...plan.added, ...plan.changed].map(({ after }) => ({
    ...after!,
    kind,
    fetchedAt: nowIso,
  }));
  for (const part of chunks(writes, FIGURES_PER_INSERT)) {
    await tx
      .insert(indicatorValues)
      .values(part)
      .onConflictDoUpdate({
        target: [
          indicatorValues.scope,
          indicatorValues.subject,
          indicatorValues.indicatorId,
          indicatorValues.period,
        ],
        set: Object.fromEntries(
          [
            'value',
            'respondents',
            'status',
            'kind',
            'source_id',
            'published_at',
            'fetched_at',
            'source_name',
            'source_url',
            'ci_low',
            'ci_high',
          ].map((column) => [camel(column), sql.raw(`excluded.${column}`)]),
        ),
      });
  }
  for (const { huvudman, service } of plan.systems) {
    await tx
      .update(datasets)
      .set({ version: sql`${datasets.version} + 1`, updatedAt: nowIso })
      .where(and(eq(datasets.huvudman, huvudman), eq(datasets.service, service)));
  }
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * One history row per changed figure, field "indikator period" ("npe_vard_och_behandling_medel 2025"),
 * from and to the figure's value (null when withheld or absent). A unit's figure is in the unit's history;
 * a comparison figure in its huvudman's, under the stored subject as unit id ("0005", or "0000/05" for
 * that huvudman's copy of the national figure).
 */
function history(plan: FigurePlan, riketOwner: string | null): UnitChange[] {
  const row = (change: FigureChange, kind: UnitChange['kind']): UnitChange => {
    const figure = (change.after ?? change.before)!;
    return {
      unitId: change.unitId ?? figure.subject,
      huvudman: change.set.huvudman === 'riket' ? (riketOwner ?? 'riket') : change.set.huvudman,
      service: change.set.service,
      kind,
      changes: [
        {
          field: `${figure.indicatorId} ${figure.period}`,
          from: change.before?.value ?? null,
          to: change.after?.value ?? null,
        },
      ],
    };
  };
  return [...plan.added, ...plan.changed, ...plan.removed].map((change) => row(change, 'indicator'));
}
