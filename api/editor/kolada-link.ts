import { parseRegister, type RegisterProblem, todayInSweden } from '../../shared/register';
import type { Database } from '../db/client';
import { registerJson, registerUnits } from '../export/register';
import { findUnlinkedOu, restoreOu } from '../queries/editor-kolada';
import { type ImportSummary, importCheckedRows } from '../register/import';
import { withKoladaOu } from './kolada-ou';
import type { EditorSession } from './session';

export type LinkOutcome =
  | { kind: 'unknownOu' }
  | { kind: 'unknownUnit' }
  | { kind: 'problems'; problems: RegisterProblem[] }
  | { kind: 'linked'; unitName: string; summary: ImportSummary };

/**
 * Links a Kolada OU to a unit the way an editor would by hand: the system's register, as published,
 * with the unit's `kolada_ou` set, read back by `parseRegister` and imported by the import itself, so
 * the rules, the all-or-nothing write and the change history are the register's own. The sync reads
 * the new link at its next run.
 */
export async function linkOu(
  db: Database,
  session: EditorSession,
  choice: { ou: string; unitId: string },
  now = new Date(),
): Promise<LinkOutcome> {
  const code = session.editor.huvudman;
  const ou = await findUnlinkedOu(db, code, choice.ou);
  if (!ou) return { kind: 'unknownOu' };
  const system = await registerUnits(db, code, ou.service);
  const unit = system.find((u) => u.id === choice.unitId);
  if (!unit) return { kind: 'unknownUnit' };

  const edited = system.map((u) =>
    u.id === unit.id ? { ...u, koladaOu: withKoladaOu(u.koladaOu, ou.ou) } : u,
  );
  const parsed = parseRegister(registerJson(edited), { format: 'json', today: todayInSweden(now) });
  if (!parsed.ok) return { kind: 'problems', problems: parsed.problems };
  // Every unit stays in the file, so the import's guards (ending many, the unit limit) have nothing to stop.
  const imported = await importCheckedRows(db, parsed.rows, { actor: session.editor.name, now });
  if (!imported.ok) return { kind: 'problems', problems: imported.problems };
  await restoreOu(db, code, ou.ou);
  return { kind: 'linked', unitName: unit.name, summary: imported.summary };
}
