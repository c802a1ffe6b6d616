export type { Now, Sleep } from '../polite-http/clock';
export type { KoladaMunicipalityDataQuery, KoladaOuDataQuery } from './client';
export { createKoladaClient, KOLADA_USER_AGENT, type KoladaClient, type KoladaClientOptions } from './client';
export { KoladaRequestError, KoladaResponseError, KoladaUnavailableError } from './errors';
export type { KoladaRequestEvent } from './http';
export type {
  KoladaDataRow,
  KoladaKpi,
  KoladaMunicipalityDataRow,
  KoladaOu,
  KoladaOuDataRow,
  KoladaSubjectType,
} from './types';
export { KOLADA_BASE_URL, MAX_IDS_PER_SEGMENT } from './urls';
