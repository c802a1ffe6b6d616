import type { SyncValue } from './types';
import { valueKey } from './values';

/** A stored indicator_values row, as far as the plan needs it. */
export interface StoredValue extends SyncValue {
  kind: 'demo' | 'live';
}

export interface ValuePlan {
  added: SyncValue[];
  /** New figures for stored ones; `before` is what is stored now. */
  changed: { before: StoredValue; after: SyncValue }[];
  removed: StoredValue[];
  unchanged: number;
}

export interface PlanInput {
  /** Every stored row the sync is responsible for, any kind, by key. */
  stored: readonly StoredValue[];
  /** The incoming figures, or the same by key (as toSyncValues gives them). */
  incoming: readonly SyncValue[] | ReadonlyMap<string, SyncValue>;
  /** Figures Kolada says were removed. */
  deleted: readonly SyncValue[];
  /**
   * "full": the incoming figures are the whole truth for the stored rows given, so a stored live
   * figure that is not among them is removed. "incremental" (from_date): only what Kolada says changed.
   */
  mode: 'full' | 'incremental';
  /** Subjects whose incoming figures are complete even in an incremental sync (relinked units). */
  completeSubjects?: ReadonlySet<string>;
}

function same(a: SyncValue, b: SyncValue): boolean {
  return (
    a.value === b.value &&
    a.respondents === b.respondents &&
    a.status === b.status &&
    a.publishedAt === b.publishedAt
  );
}

/**
 * What a sync must write to make the stored figures match Kolada's. Pure. Demo figures in scope are
 * always removed or overwritten: real and synthetic figures never stand side by side.
 */
export function planValues(input: PlanInput): ValuePlan {
  const stored = new Map<string, StoredValue>();
  for (const v of input.stored) stored.set(valueKey(v), v);
  const plan: ValuePlan = { added: [], changed: [], removed: [], unchanged: 0 };
  const incoming: Iterable<[string, SyncValue]> = Array.isArray(input.incoming)
    ? (input.incoming as readonly SyncValue[]).map((v) => [valueKey(v), v] as [string, SyncValue])
    : (input.incoming as ReadonlyMap<string, SyncValue>);
  for (const [key, after] of incoming) {
    const before = stored.get(key);
    if (!before) plan.added.push(after);
    else {
      // Matched: what is left in `stored` afterwards is what Kolada no longer has.
      stored.delete(key);
      if (before.kind !== 'live' || !same(before, after)) plan.changed.push({ before, after });
      else plan.unchanged++;
    }
  }
  const deleted = new Set(input.deleted.map(valueKey));
  for (const [key, before] of stored) {
    const complete = input.mode === 'full' || input.completeSubjects?.has(before.subject) === true;
    if (before.kind === 'demo' || complete || deleted.has(key)) plan.removed.push(before);
  }
  return plan;
}

export function planSize(plan: ValuePlan): number {
  return plan.added.length + plan.changed.length + plan.removed.length;
}
