export { parseVisArgs, VIS_USAGE, type VisArgs } from './args';
export { runVisCli, type VisCliIo } from './cli';
export {
  createVisClient,
  DEFAULT_UNIT_SEARCH,
  VIS_BASE_URL,
  VIS_USER_AGENT,
  type VisClient,
  type VisClientOptions,
  type VisUnitSearch,
} from './client';
export { VisRequestError, VisResponseError, VisUnavailableError } from './errors';
export type { VisRequestEvent } from './http';
export { periodOf } from './periods';
export { checkLive, type ProbeOptions, type ProbeSummary } from './probe';
export { fetchRegionFigures, type RegionFiguresOptions, type RegionFiguresResult } from './run';
export {
  type MeasureMapping,
  type SkippedFigure,
  VIS_SOURCE_NAME,
  visMeasureUrl,
  visToFigures,
} from './to-figures';
export type {
  VisInformationSource,
  VisMeasure,
  VisMeasurement,
  VisMeasurementsQuery,
  VisSeries,
} from './types';
export { hsaUnitKey, mappedUnitKey, type UnitKey } from './unit-key';
