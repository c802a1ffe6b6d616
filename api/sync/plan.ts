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
  /** Every stored row the sync is responsible for, any kind, one per key. */
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
  const incoming: ReadonlyMap<string, SyncValue> = Array.isArray(input.incoming)
    ? new Map((input.incoming as readonly SyncValue[]).map((v) => [valueKey(v), v]))
    : (input.incoming as ReadonlyMap<string, SyncValue>);
  const deleted = new Set(input.deleted.map(valueKey));
  const plan: ValuePlan = { added: [], changed: [], removed: [], unchanged: 0 };
  // Each stored figure is looked up among the incoming ones: no second map of half a million keys.
  let matched = 0;
  for (const before of input.stored) {
    const key = valueKey(before);
    const after = incoming.get(key);
    if (after) {
      matched++;
      if (before.kind !== 'live' || !same(before, after)) plan.changed.push({ before, after });
      else plan.unchanged++;
    } else {
      // What Kolada no longer has.
      const complete = input.mode === 'full' || input.completeSubjects?.has(before.subject) === true;
      if (before.kind === 'demo' || complete || deleted.has(key)) plan.removed.push(before);
    }
  }
  // Stored keys are unique, so when every incoming figure was matched none is new (the usual case).
  if (matched === incoming.size) return plan;
  const storedKeys = new Set(input.stored.map(valueKey));
  for (const [key, after] of incoming) if (!storedKeys.has(key)) plan.added.push(after);
  return plan;
}

export function planSize(plan: ValuePlan): number {
  return plan.added.length + plan.changed.length + plan.removed.length;
}
