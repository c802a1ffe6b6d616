import type { RegisterRow } from '../../shared/register';

/** The register fields of a unit, as stored: a register row without its place in the file. */
export type UnitFields = Omit<RegisterRow, 'line' | 'huvudman' | 'service' | 'identityKey'>;

export interface ExistingUnit extends UnitFields {
  id: string;
  identityKey: string;
}

export type FieldChange = { field: keyof UnitFields; from: unknown; to: unknown };

export interface RegisterDiff {
  added: { identityKey: string; fields: UnitFields }[];
  changed: { id: string; changes: FieldChange[] }[];
  ended: { id: string; changes: FieldChange[] }[];
  unchanged: string[];
}

export function fieldsOf(row: RegisterRow): UnitFields {
  return {
    registerId: row.registerId,
    name: row.name,
    regi: row.regi,
    organisationsnummer: row.organisationsnummer,
    aliases: row.aliases,
    areas: row.areas,
    scope: row.scope,
    languages: row.languages,
    extraServices: row.extraServices,
    acceptsNewClients: row.acceptsNewClients,
    hsaId: row.hsaId,
    koladaOu: row.koladaOu,
    website: row.website,
    phone: row.phone,
    address: row.address,
    verifiedAt: row.verifiedAt,
    status: row.status,
    statusDate: row.status === 'avslutad' ? row.statusDate : null,
  };
}

const FIELDS = Object.keys(fieldsOf({} as RegisterRow)) as (keyof UnitFields)[];

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

export function changesBetween(before: UnitFields, after: UnitFields): FieldChange[] {
  return FIELDS.filter((f) => !same(before[f], after[f])).map((f) => ({
    field: f,
    from: before[f],
    to: after[f],
  }));
}

/**
 * Compares one choice system's stored units with a new, complete register list for it.
 * Pure: decides what an import would do, without doing it. Units missing from the new list end
 * (status "avslutad" with today's date); they are never deleted.
 */
export function diffRegister(
  existing: readonly ExistingUnit[],
  rows: readonly RegisterRow[],
  today: string,
): RegisterDiff {
  const byKey = new Map(existing.map((u) => [u.identityKey, u]));
  const seen = new Set<string>();
  const diff: RegisterDiff = { added: [], changed: [], ended: [], unchanged: [] };

  for (const row of rows) {
    const fields = fieldsOf(row);
    const current = byKey.get(row.identityKey);
    if (!current) {
      diff.added.push({ identityKey: row.identityKey, fields });
      continue;
    }
    seen.add(current.id);
    const changes = changesBetween(current, fields);
    if (changes.length > 0) diff.changed.push({ id: current.id, changes });
    else diff.unchanged.push(current.id);
  }

  for (const unit of existing) {
    if (seen.has(unit.id) || unit.status === 'avslutad') continue;
    diff.ended.push({
      id: unit.id,
      changes: [
        { field: 'status', from: unit.status, to: 'avslutad' },
        { field: 'statusDate', from: unit.statusDate, to: today },
      ],
    });
  }
  return diff;
}
