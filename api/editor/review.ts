import { compareSwedish } from '../../shared/domain';
import type { FieldChange, UnitFields } from '../register/diff';
import type { SystemEnding } from '../register/guards';
import type { ImportPreview } from '../register/import';
import type { ImportPlan } from '../register/plan';

/**
 * What publishing a valid register file would do, as the editor reads it: per choice system in the
 * file, the units it adds, changes (each field's old and new value), ends and leaves as they are. It is
 * the import's own plan (`previewRegisterImport`), so what the review shows is what "Publicera" does;
 * this module only names the units and puts them in Swedish alphabetical order.
 */

export interface NamedUnit {
  id: string;
  name: string;
}

export interface SystemPreview {
  huvudman: string;
  service: string;
  /** Demo units that this real register replaces (they are removed, not ended). */
  replacesDemo: number;
  added: { identityKey: string; name: string; fields: UnitFields }[];
  changed: (NamedUnit & { changes: FieldChange[] })[];
  ended: NamedUnit[];
  unchanged: NamedUnit[];
}

function bySwedishName<T extends { name: string }>(list: T[]): T[] {
  return list.sort((a, b) => compareSwedish(a.name, b.name));
}

export function describePlan(plan: ImportPlan): SystemPreview[] {
  return plan.systems.map(({ huvudman, service, demoIds, diff, names }) => {
    const named = (id: string): NamedUnit => ({ id, name: names.get(id) ?? id });
    return {
      huvudman,
      service,
      replacesDemo: demoIds.length,
      added: bySwedishName(diff.added.map((a) => ({ ...a, name: a.fields.name }))),
      changed: bySwedishName(diff.changed.map((c) => ({ ...named(c.id), changes: c.changes }))),
      ended: bySwedishName(diff.ended.map((e) => named(e.id))),
      unchanged: bySwedishName(diff.unchanged.map(named)),
    };
  });
}

/** Whether publishing would write anything at all. */
export function changesAnything(systems: readonly SystemPreview[]): boolean {
  return systems.some((s) => s.added.length + s.changed.length + s.ended.length + s.replacesDemo > 0);
}

/**
 * The import's guard against truncated files (`checkEnding` in api/register/guards.ts): an upload that
 * ends more than half of a system's active units goes ahead only when the editor confirms how many it
 * ends. The review asks with a checkbox; the Publicera form sends the number back as `confirmEnding`,
 * and the import itself checks it.
 */
export interface EndingToConfirm {
  /** Units the whole upload ends: the number the import must be given. */
  ending: number;
  /** The systems where it ends more than the import lets pass unconfirmed. */
  systems: SystemEnding[];
}

export const CONFIRM_ENDING_FIELD = 'confirmEnding';

/** What the editor must confirm before this preview can be published, or null. */
export function endingToConfirm(refused: ImportPreview['refused']): EndingToConfirm | null {
  if (refused?.refusal.kind !== 'ending_many') return null;
  return { ending: refused.refusal.ending, systems: refused.refusal.systems };
}

/** The number of ended units a submitted Publicera form confirms, or null when it confirms none. */
export function confirmedEnding(form: Record<string, unknown>): number | null {
  const sent = form[CONFIRM_ENDING_FIELD];
  const value = Array.isArray(sent) ? sent[0] : sent;
  if (typeof value !== 'string' || !/^\d{1,9}$/.test(value)) return null;
  return Number(value);
}
