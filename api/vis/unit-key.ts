/**
 * How a vårdcentral is named to Vården i siffror, and how its answer is named back. Whether VIS's
 * `units` takes HSA ids or VIS's own unit ids is unconfirmed (see `npm run vis -- --check-live`), so it
 * is a choice: `hsa` sends the HSA ids as they are; `mapped` sends the ids of a table (HSA id → VIS id)
 * made from VIS's unit search, and reads answers back through the same table.
 */
export interface UnitKey {
  readonly name: 'hsa' | 'mapped';
  /** The id to send for a unit's HSA id, or null when the table has none (the unit is then not asked for). */
  toVis(hsaId: string): string | null;
  /** The HSA id of an organisation in VIS's answer, or null when it is not one of ours. */
  fromVis(organizationId: string): string | null;
}

export function hsaUnitKey(hsaIds: readonly string[]): UnitKey {
  const ours = new Map(hsaIds.map((id) => [id.toUpperCase(), id.toUpperCase()]));
  return {
    name: 'hsa',
    toVis: (hsaId) => ours.get(hsaId.toUpperCase()) ?? null,
    fromVis: (organizationId) => ours.get(organizationId.toUpperCase()) ?? null,
  };
}

/** From pairs of HSA id and VIS id. Two HSA ids for one VIS id (or the reverse) is an error: no guessing. */
export function mappedUnitKey(pairs: readonly { hsaId: string; visId: string }[]): UnitKey {
  const toVis = new Map<string, string>();
  const fromVis = new Map<string, string>();
  for (const { hsaId, visId } of pairs) {
    const hsa = hsaId.toUpperCase();
    if (toVis.has(hsa) && toVis.get(hsa) !== visId)
      throw new Error(`HSA-id ${hsa} har två VIS-id i tabellen`);
    if (fromVis.has(visId) && fromVis.get(visId) !== hsa)
      throw new Error(`VIS-id ${visId} har två HSA-id i tabellen`);
    toVis.set(hsa, visId);
    fromVis.set(visId, hsa);
  }
  return {
    name: 'mapped',
    toVis: (hsaId) => toVis.get(hsaId.toUpperCase()) ?? null,
    fromVis: (organizationId) => fromVis.get(organizationId) ?? null,
  };
}
