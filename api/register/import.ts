import { eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { DatasetKind, Service } from '../../shared/domain';
import {
  parseRegister,
  type RegisterFileInfo,
  type RegisterFormat,
  type RegisterProblem,
  type RegisterRow,
  todayInSweden,
} from '../../shared/register';
import { chunks, IDS_PER_STATEMENT, rowsPerStatement } from '../db/chunks';
import type { Database, Transaction } from '../db/client';
import { bumpDataVersion } from '../db/data-version';
import { datasets, indicatorValues, units } from '../db/schema';
import { recordChanges } from '../history/changes';
import type { FieldChange } from './diff';
import { checkEnding, checkUnitLimit, MAX_UNITS_PER_SYSTEM, type SystemEnding } from './guards';
import { type ImportPlan, planImport } from './plan';
import { unitId } from './unit-id';

/** Rows per multi-row INSERT of units: one bound value per column. */
const UNITS_PER_INSERT = rowsPerStatement(Object.keys(getTableColumns(units)).length);

const sqlIncrement = sql`${datasets.version} + 1`;

export interface SystemSummary {
  huvudman: string;
  service: Service;
  added: number;
  changed: number;
  ended: number;
  unchanged: number;
}

export interface ImportSummary {
  added: number;
  changed: number;
  ended: number;
  unchanged: number;
  systems: SystemSummary[];
  /** Every field that changed, for the change history. */
  changes: {
    unitId: string;
    huvudman: string;
    service: Service;
    kind: 'added' | 'changed' | 'ended';
    changes: FieldChange[];
  }[];
}

export interface ImportGuardOptions {
  /**
   * The number of units the editor confirms will end. Without it, an upload that would end more than
   * `maxEndingShare` of a system's active units is refused (a truncated file looks like a short list).
   */
  confirmEnding?: number | null;
  /** Share (0-1) of a system's active units an upload may end unconfirmed; default one half. */
  maxEndingShare?: number;
  /** Most units per (huvudman, tjänst), ended ones included; default MAX_UNITS_PER_SYSTEM. */
  maxUnitsPerSystem?: number;
}

export interface ImportOptions extends ImportGuardOptions {
  /** Who made the change: "cli", a token's name, "demo". */
  actor?: string;
  now?: Date;
  /** "demo" only for the built-in demo dataset. */
  kind?: DatasetKind;
  /** Called inside the transaction with the summary, e.g. to record the change history. */
  onCommit?: (tx: Transaction, summary: ImportSummary, actor: string, now: string) => Promise<void>;
}

/** Why a valid file was not imported. */
export type ImportRefusal =
  | { kind: 'ending_many'; ending: number; systems: SystemEnding[] }
  | { kind: 'too_many_units'; huvudman: string; service: Service; units: number; limit: number };

export type RowsImportResult =
  | { ok: true; summary: ImportSummary }
  | { ok: false; problems: RegisterProblem[]; problemCount: number; refusal: ImportRefusal };

export type ImportResult =
  | { ok: true; summary: ImportSummary; file: RegisterFileInfo }
  | {
      ok: false;
      /** The file's problems (the first few hundred), or the one reason it was refused. */
      problems: RegisterProblem[];
      problemCount: number;
      /** Set when the file was valid but refused by a guard; null when the file has problems. */
      refusal: ImportRefusal | null;
      file: RegisterFileInfo;
    };

/** Validates a register file (CSV, JSON or XLSX) completely, then imports it all-or-nothing. */
export async function importRegister(
  db: Database,
  input: string | Uint8Array,
  options: ImportOptions & { format?: RegisterFormat } = {},
): Promise<ImportResult> {
  const now = options.now ?? new Date();
  const parsed = parseRegister(input, { format: options.format, today: todayInSweden(now) });
  const { format, encoding, delimiter, sheet } = parsed;
  const file = { format, encoding, delimiter, sheet };
  if (!parsed.ok) return { ...parsed, refusal: null, file };
  const result = await importCheckedRows(db, parsed.rows, { ...options, now });
  return { ...result, file };
}

export interface ImportPreview {
  /** What the import would add, change, end and leave, per system. */
  summary: Omit<ImportSummary, 'changes'>;
  /** The same unit by unit, field by field: the plan the import itself would carry out. */
  plan: ImportPlan;
  /** Why it would be refused (with the confirmation it needs), or null when it would go ahead. */
  refused: { problems: RegisterProblem[]; refusal: ImportRefusal } | null;
}

/**
 * What an import of the rows would do, and whether the guards let it, without writing anything: for
 * the editors' "Granska" step, which can then ask to confirm `refused.refusal.ending` units.
 */
export async function previewRegisterImport(
  db: Database,
  rows: readonly RegisterRow[],
  options: ImportOptions = {},
): Promise<ImportPreview> {
  const now = options.now ?? new Date();
  const plan = await planImport(db, rows, { kind: options.kind ?? 'live', today: todayInSweden(now) });
  const { changes: _changes, ...summary } = summarise(plan);
  const refused = refuse(plan, options);
  return {
    summary,
    plan,
    refused: refused && !refused.ok ? { problems: refused.problems, refusal: refused.refusal } : null,
  };
}

/**
 * Imports validated rows in one transaction. Each (huvudman, service) present in the rows is
 * replaced by the rows' list: new units are added, changed ones updated, absent ones ended.
 * Re-importing the same rows changes nothing (not even the dataset version). Refused, with nothing
 * written, when a guard says no (see guards.ts). Linear in stored units and rows.
 */
export async function importCheckedRows(
  db: Database,
  rows: readonly RegisterRow[],
  options: ImportOptions = {},
): Promise<RowsImportResult> {
  const kind = options.kind ?? 'live';
  const actor = options.actor ?? 'cli';
  const nowIso = (options.now ?? new Date()).toISOString();
  const today = todayInSweden(options.now ?? new Date());

  return db.transaction(async (tx): Promise<RowsImportResult> => {
    const plan = await planImport(tx, rows, { kind, today });
    const refused = refuse(plan, options);
    if (refused) return refused;
    const summary = summarise(plan);
    await applyPlan(tx, plan, { kind, nowIso, today });
    if (summary.changes.length > 0) {
      await recordChanges(tx, summary.changes, actor, nowIso);
      await bumpDataVersion(tx);
      await options.onCommit?.(tx, summary, actor, nowIso);
    }
    return { ok: true, summary };
  });
}

function refuse(plan: ImportPlan, options: ImportGuardOptions): RowsImportResult | null {
  const limit = options.maxUnitsPerSystem ?? MAX_UNITS_PER_SYSTEM;
  const size = checkUnitLimit(plan, limit);
  if (!size.ok) {
    const { huvudman, service, units: count, message } = size;
    return {
      ok: false,
      problems: [{ line: null, column: null, message }],
      problemCount: 1,
      refusal: { kind: 'too_many_units', huvudman, service, units: count, limit },
    };
  }
  const ending = checkEnding(plan, { maxShare: options.maxEndingShare, confirmed: options.confirmEnding });
  if (!ending.ok) {
    return {
      ok: false,
      problems: [{ line: null, column: null, message: ending.message }],
      problemCount: 1,
      refusal: { kind: 'ending_many', ending: ending.ending, systems: ending.systems },
    };
  }
  return null;
}

function summarise(plan: ImportPlan): ImportSummary {
  const summary: ImportSummary = { added: 0, changed: 0, ended: 0, unchanged: 0, systems: [], changes: [] };
  for (const { huvudman, service, diff } of plan.systems) {
    for (const { identityKey, fields } of diff.added) {
      summary.changes.push({
        unitId: unitId(huvudman, service, identityKey),
        huvudman,
        service,
        kind: 'added',
        changes: Object.entries(fields).map(([field, to]) => ({ field, from: null, to }) as FieldChange),
      });
    }
    for (const [list, kind] of [
      [diff.changed, 'changed'],
      [diff.ended, 'ended'],
    ] as const) {
      for (const { id, changes } of list)
        summary.changes.push({ unitId: id, huvudman, service, kind, changes });
    }
    const counts = {
      added: diff.added.length,
      changed: diff.changed.length,
      ended: diff.ended.length,
      unchanged: diff.unchanged.length,
    };
    summary.systems.push({ huvudman, service, ...counts });
    summary.added += counts.added;
    summary.changed += counts.changed;
    summary.ended += counts.ended;
    summary.unchanged += counts.unchanged;
  }
  return summary;
}

async function applyPlan(
  tx: Transaction,
  plan: ImportPlan,
  { kind, nowIso, today }: { kind: DatasetKind; nowIso: string; today: string },
) {
  for (const { huvudman, service, diff, demoIds } of plan.systems) {
    // A real register replaces the demo data of its system entirely: demo rows are not history.
    for (const ids of chunks(demoIds, IDS_PER_STATEMENT)) {
      await tx.delete(indicatorValues).where(inArray(indicatorValues.subject, ids));
      await tx.delete(units).where(inArray(units.id, ids));
    }
    const added = diff.added.map(({ identityKey, fields }) => ({
      id: unitId(huvudman, service, identityKey),
      huvudman,
      service,
      identityKey,
      ...fields,
      kind,
      createdAt: nowIso,
      updatedAt: nowIso,
    }));
    for (const batch of chunks(added, UNITS_PER_INSERT)) await tx.insert(units).values(batch);
    for (const { id, changes } of diff.changed) {
      const set = Object.fromEntries(changes.map((c) => [c.field, c.to]));
      await tx
        .update(units)
        .set({ ...set, updatedAt: nowIso })
        .where(eq(units.id, id));
    }
    // Every ended unit gets the same values: one statement per batch, not one per unit.
    for (const ids of chunks(
      diff.ended.map((e) => e.id),
      IDS_PER_STATEMENT,
    )) {
      await tx
        .update(units)
        .set({ status: 'avslutad', statusDate: today, updatedAt: nowIso })
        .where(inArray(units.id, ids));
    }

    if (diff.added.length + diff.changed.length + diff.ended.length > 0 || demoIds.length > 0) {
      await tx
        .insert(datasets)
        .values({ huvudman, service, kind, version: 1, registerUpdatedAt: nowIso, updatedAt: nowIso })
        .onConflictDoUpdate({
          target: [datasets.huvudman, datasets.service],
          set: { kind, version: sqlIncrement, registerUpdatedAt: nowIso, updatedAt: nowIso },
        });
    }
  }
}
