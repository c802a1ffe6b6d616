import kommunerJson from './kommuner.json';
import regionerJson from './regioner.json';

export type KommunReference = (typeof kommunerJson)[number];
export type RegionReference = (typeof regionerJson)[number];

/** All 290 kommuner, official codes and names, with their län and website host. */
export const KOMMUNER: readonly KommunReference[] = kommunerJson;
/** The 21 regions, keyed by länskod. */
export const REGIONER: readonly RegionReference[] = regionerJson;

export { INDICATORS, indicatorsFor } from './indicators';
export { SOURCES, type SourceId } from './sources';
