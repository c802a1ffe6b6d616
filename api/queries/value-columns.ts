import { indicatorValues } from '../db/schema';

/** The columns of a stored figure that a list or a figures import reads: the value and its provenance. */
export const VALUE_COLUMNS = {
  indicatorId: indicatorValues.indicatorId,
  scope: indicatorValues.scope,
  subject: indicatorValues.subject,
  period: indicatorValues.period,
  value: indicatorValues.value,
  respondents: indicatorValues.respondents,
  status: indicatorValues.status,
  sourceId: indicatorValues.sourceId,
  publishedAt: indicatorValues.publishedAt,
  sourceName: indicatorValues.sourceName,
  sourceUrl: indicatorValues.sourceUrl,
  ciLow: indicatorValues.ciLow,
  ciHigh: indicatorValues.ciHigh,
};
