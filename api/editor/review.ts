import { compareSwedish } from '../../shared/domain';
import type { RegisterProblem, RegisterRow } from '../../shared/register';
import { diffRegister, type ExistingUnit, type FieldChange, type UnitFields } from '../register/diff';
import type { StoredUnit } from './register-fields';

/**
 * What publishing a valid register file would do, worked out without writing anything: per choice
 * system in the file, the units it adds, changes (each field's old and new value), ends and leaves
 * as they are. It follows the import's own rules (`importRegisterRows`): a file is the whole list of
 * each (huvudman, tjänst) it holds, a real register replaces that system's demo units, and the
 * comparison is the import's `diffRegister`.
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
  /** Active units before publishing. */
  activeBefore: number;
  added: { identityKey: string; name: string; fields: UnitFields }[];
  changed: (NamedUnit & { changes: FieldChange[] })[];
  ended: NamedUnit[];
  unchanged: NamedUnit[];
}

function bySwedishName<T extends { name: string }>(list: T[]): T[] {
  return list.sort((a, b) => compareSwedish(a.name, b.name));
}

export function previewRegister(
  stored: readonly StoredUnit[],
  rows: readonly RegisterRow[],
  today: string,
): SystemPreview[] {
  const systems = new Map<string, RegisterRow[]>();
  for (const row of rows) {
    const key = `${row.huvudman}|${row.service}`;
    systems.set(key, [...(systems.get(key) ?? []), row]);
  }
  return [...systems.entries()].map(([key, group]) => {
    const [huvudman, service] = key.split('|') as [string, string];
    const inSystem = stored.filter((u) => u.huvudman === huvudman && u.service === service);
    const live = inSystem.filter((u) => u.kind !== 'demo');
    const names = new Map(live.map((u) => [u.id, u.name]));
    const named = (id: string): NamedUnit => ({ id, name: names.get(id) ?? id });
    const diff = diffRegister(live as ExistingUnit[], group, today);
    return {
      huvudman,
      service,
      replacesDemo: inSystem.length - live.length,
      activeBefore: inSystem.filter((u) => u.status === 'aktiv').length,
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
 * The editor may publish only their own huvudman's register: every row for another one is a problem,
 * on its line, as the editors' API reports it.
 */
export function foreignRowProblems(rows: readonly RegisterRow[], code: string): RegisterProblem[] {
  return rows
    .filter((row) => row.huvudman !== code)
    .map((row) => ({
      line: row.line,
      column: 'huvudman',
      value: row.huvudman,
      message: `raden gäller ${row.huvudman}, men du är inloggad för ${code}; ta bort raden eller logga in med ${row.huvudman}s nyckel`,
    }));
}

/**
 * Something the editor must tick before "Publicera" goes ahead, carried by the publish form as a
 * checkbox `name=value`. None today; the register reader's guard against ending more than half of a
 * system's units ("this would end N of M units — confirm") plugs in here, as the `confirmations` option of
 * `editorRoutes`.
 */
export interface Confirmation {
  name: string;
  value: string;
  /** Swedish, as the register's own messages. */
  label: string;
}

export type ConfirmationRule = (systems: readonly SystemPreview[]) => Confirmation[];

export const noConfirmations: ConfirmationRule = () => [];

/** The confirmations still missing from a submitted publish form. */
export function missingConfirmations(
  required: readonly Confirmation[],
  form: Record<string, unknown>,
): Confirmation[] {
  return required.filter((c) => {
    const sent = form[c.name];
    return !(sent === c.value || (Array.isArray(sent) && sent.includes(c.value)));
  });
}
