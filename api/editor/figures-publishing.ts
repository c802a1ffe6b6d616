import { createHash } from 'node:crypto';
import { VARDCENTRAL_INDICATORS } from '../../shared/reference/vardcentral-indicators';
import type { RegisterProblem } from '../../shared/register';
import type { Database } from '../db/client';
import { type FiguresSummary, importFigures, planFingerprint, previewFigureImport } from '../figures/import';
import type { FigureChange, FigurePlan, SetSummary } from '../figures/plan';
import type { FiguresFileInfo, FiguresFormat } from '../figures/read';
import { loadUnitNames } from '../queries/editor-register';
import { deleteReview, loadReview, type StoredReview, saveReview } from '../queries/editor-reviews';
import type { EditorSession } from './session';

/**
 * "Granska" and "Publicera" for a figures file, as for the register (publishing.ts): the review asks the
 * figures import what it would do (previewFigureImport, which writes nothing) and keeps the exact bytes
 * with the session; publishing imports those bytes through the same all-or-nothing import, which goes
 * ahead only if its plan is still the one reviewed. The review is stored beside a register review's
 * (one per session), its state marked `figures:`, so neither page publishes the other's file.
 */

const STATE_PREFIX = 'figures:';

/** One figure that changes, as the editor reads it. */
export interface FigureLine {
  /** The unit's name, or "Regionen" / "Riket" for a comparison figure (the page words it). */
  who: { unit: string } | { area: 'huvudman' | 'riket' };
  indicator: string;
  period: string;
  before: number | null;
  after: number | null;
  /** The new figure is below the indicator's threshold: stored as missing, never shown. */
  withheld: boolean;
  kind: 'added' | 'changed' | 'removed';
}

export interface FiguresPreviewView {
  sets: (SetSummary & { label: string })[];
  lines: FigureLine[];
  changesAnything: boolean;
  readAs: FiguresFileInfo;
}

export type FiguresReviewOutcome =
  | { kind: 'problems'; problems: RegisterProblem[]; problemCount: number; readAs: FiguresFileInfo }
  | ({ kind: 'preview'; review: StoredReview } & FiguresPreviewView);

export type FiguresPublishOutcome =
  | { kind: 'gone' }
  | { kind: 'stale' }
  | { kind: 'problems'; problems: RegisterProblem[]; problemCount: number; readAs: FiguresFileInfo }
  | { kind: 'published'; summary: FiguresSummary };

const LABELS = new Map(VARDCENTRAL_INDICATORS.map((i) => [i.id, i.label]));

/** A file named .xlsx is read as a workbook; anything else by its content. */
function formatOf(name: string): FiguresFormat | undefined {
  return /\.xlsx$/i.test(name.trim()) ? 'xlsx' : undefined;
}

const stateOf = (plan: FigurePlan) =>
  `${STATE_PREFIX}${createHash('sha256').update(planFingerprint(plan)).digest('hex')}`;

async function describe(
  db: Database,
  plan: FigurePlan,
  readAs: FiguresFileInfo,
): Promise<FiguresPreviewView> {
  const changes: [FigureChange, FigureLine['kind']][] = [
    ...plan.added.map((c) => [c, 'added'] as [FigureChange, FigureLine['kind']]),
    ...plan.changed.map((c) => [c, 'changed'] as [FigureChange, FigureLine['kind']]),
    ...plan.removed.map((c) => [c, 'removed'] as [FigureChange, FigureLine['kind']]),
  ];
  const names = await loadUnitNames(
    db,
    changes.flatMap(([c]) => (c.unitId ? [c.unitId] : [])),
  );
  const lines = changes.map(([change, kind]): FigureLine => {
    const figure = (change.after ?? change.before)!;
    return {
      who: change.unitId
        ? { unit: names.get(change.unitId) ?? change.unitId }
        : { area: change.set.huvudman === 'riket' ? 'riket' : 'huvudman' },
      indicator: LABELS.get(figure.indicatorId) ?? figure.indicatorId,
      period: figure.period,
      before: change.before?.value ?? null,
      after: change.after?.value ?? null,
      withheld: change.after !== null && change.after.value === null,
      kind,
    };
  });
  return {
    sets: plan.sets.map((s) => ({ ...s, label: LABELS.get(s.indicatorId) ?? s.indicatorId })),
    lines,
    changesAnything: lines.length > 0,
    readAs,
  };
}

export async function reviewFiguresFile(
  db: Database,
  session: EditorSession,
  file: { name: string; bytes: Uint8Array },
  options: { now?: Date } = {},
): Promise<FiguresReviewOutcome> {
  const now = options.now ?? new Date();
  const preview = await previewFigureImport(db, file.bytes, {
    editorHuvudman: session.editor.huvudman,
    now,
    format: formatOf(file.name),
  });
  if (!preview.ok) {
    await deleteReview(db, session.idHash);
    return {
      kind: 'problems',
      problems: preview.problems,
      problemCount: preview.problemCount,
      readAs: preview.file,
    };
  }
  const review = await saveReview(db, session.idHash, {
    fileName: file.name,
    bytes: file.bytes,
    registerState: stateOf(preview.plan),
    reviewedAt: now.toISOString(),
  });
  return { kind: 'preview', review, ...(await describe(db, preview.plan, preview.file)) };
}

export async function publishReviewedFigures(
  db: Database,
  session: EditorSession,
  form: { review: string },
  options: { now?: Date } = {},
): Promise<FiguresPublishOutcome> {
  const review = await loadReview(db, session.idHash);
  if (!review || review.sha256 !== form.review || !review.registerState.startsWith(STATE_PREFIX)) {
    return { kind: 'gone' };
  }
  const result = await importFigures(db, review.bytes, {
    format: formatOf(review.fileName),
    actor: session.editor.name,
    now: options.now ?? new Date(),
    editorHuvudman: session.editor.huvudman,
    acceptPlan: (plan) => stateOf(plan) === review.registerState,
  });
  if (!result.ok && result.stale) return { kind: 'stale' };
  if (!result.ok) {
    return {
      kind: 'problems',
      problems: result.problems,
      problemCount: result.problemCount,
      readAs: result.file,
    };
  }
  await deleteReview(db, session.idHash);
  return { kind: 'published', summary: result.summary };
}
