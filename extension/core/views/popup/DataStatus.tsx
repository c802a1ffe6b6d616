import { placeByCode, placeLabel } from '../../sites/places';
import { formatDate } from '../../ui/format';
import type { PopupModel } from './model';

/**
 * Which lists are cached, whether they are real or demo data, when the API last failed, and which sites
 * looked different than expected.
 */
export function DataStatus({ model }: { model: PopupModel }) {
  const t = model.t.value;
  const failure = model.apiFailure.value;
  const cached = model.cached.value;
  return (
    <section aria-labelledby="status">
      <h2 id="status">{t('dataStatus')}</h2>
      {failure && (
        <p role="status" class="api-failure">
          {t(`apiFailure_${failure.reason}`, { date: formatDate(new Date(failure.at).toISOString()) })}
        </p>
      )}
      {model.siteChecks.value.map((check) => (
        <p role="status" class="site-check" key={`${check.adapter} ${check.host}`}>
          {t('siteChanged', {
            host: check.host,
            missing: check.missing.join(', '),
            date: formatDate(new Date(check.at).toISOString()),
          })}
        </p>
      ))}
      {cached.length === 0 && <p>{t('noData')}</p>}
      <ul>
        {cached.map((entry) => {
          const list = entry.body;
          const place = placeByCode(list.huvudman);
          return (
            <li key={`${list.huvudman}:${list.service}`}>
              {place ? placeLabel(place) : list.huvudman}, {t(`service_${list.service}`)}:{' '}
              {list.dataset.kind === 'demo' ? t('demo') : t('dataLive')}
              {list.dataset.updatedAt &&
                `, ${t('datasetUpdated', { date: formatDate(list.dataset.updatedAt) })}`}
              , {t('fetchedAt', { date: formatDate(new Date(entry.fetchedAt).toISOString()) })}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
