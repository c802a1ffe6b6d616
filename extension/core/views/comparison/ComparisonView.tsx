import type { UnitList } from '../../../../shared/domain/api';
import { placeByCode, placeLabel } from '../../sites/places';
import { useDocumentLanguage } from '../../ui/document-language';
import { basisText, formatDate, indicatorLabel, regiText } from '../../ui/format';
import type { Translate } from '../../ui/i18n';
import { Text } from '../../ui/Text';
import { ComparisonTable, FactBlocks } from './ComparisonTables';
import { byIndicator, type ComparisonModel, chunk, PRINT_COLUMNS } from './model';
import { comparisonRows } from './rows';

/** What the view can do where it runs: the side panel opens a tab, the tab prints itself. */
export interface ComparisonActions {
  /** "all": every unit in alphabetical order (the default printout); "shown": what the view shows */
  print(what: 'all' | 'shown'): void;
  /** Only where the view is not a tab of its own already */
  openInTab?(): void;
}

/**
 * A demo list's banner on every printed page: in the page's top margin, where Chromium draws @page
 * margin boxes (elsewhere the banner above the first table says it once).
 */
function PrintPageMargins({ list, t, today }: { list: UnitList; t: Translate; today: string }) {
  const quote = (text: string) => JSON.stringify(text);
  const top = list.dataset.kind === 'demo' ? `@top-center { content: ${quote(t('demoLong'))}; }` : '';
  return (
    <style>{`@media print { @page { ${top} @bottom-left { content: ${quote(
      `${t('printedOn', { date: today })} · Utförarkollen`,
    )}; } @bottom-right { content: counter(page) " / " counter(pages); } } }`}</style>
  );
}

/**
 * The comparison: chosen units (or all) side by side in identical rows; one block per fact with one
 * line per provider where the width is short (a side panel), a table where it is wide; on paper tables
 * of three providers, the facts repeated in each, with the selection, the order and what each figure
 * means. The selection and the order are said in words on screen and on paper.
 */
export function ComparisonView({
  model,
  onRemove,
  actions,
}: {
  model: ComparisonModel;
  onRemove: (unitId: string) => void;
  actions: ComparisonActions;
}) {
  const t = model.t.value;
  const list = model.list.value;
  const comparison = model.comparison.value;
  const language = model.settings.value.language;
  const place = comparison ? placeByCode(comparison.huvudman) : undefined;
  const placeName = place ? placeLabel(place) : '';
  const heading = list
    ? `${t('comparison')}: ${t(`service_${list.service}`)}, ${placeName}`
    : t('comparison');
  const units = model.units.value;
  useDocumentLanguage(language);
  const rows = list ? comparisonRows(units, list, place?.name ?? '', language, t) : null;
  const notes = new Map(rows?.figures.map((row, i) => [row.key, i + 1]));
  const parts = chunk(units, PRINT_COLUMNS);
  const basis = list ? basisText(list, t) : null;
  const summary = `${model.selection.value} · ${model.order.value}`;

  return (
    <main class={`page size-${model.settings.value.textSize}`}>
      <h1>{heading}</h1>
      {model.status.value === 'loading' && <p role="status">{t('loading')}</p>}
      {model.status.value === 'error' && <p role="status">{t('unavailable')}</p>}
      {!comparison && model.status.value !== 'loading' && <p>{t('noneChosen')}</p>}
      {list && rows && (
        <>
          {list.dataset.kind === 'demo' && <p class="demo-banner">{t('demoLong')}</p>}
          <PrintPageMargins list={list} t={t} today={model.today()} />
          <p class="summary" aria-live="polite">
            <strong>{summary}</strong>
            {basis && ` · ${t('basis')}: ${basis}`}
            <span class="print-only-inline"> · {t('printedOn', { date: model.today() })}</span>
          </p>
          <div class="controls no-print">
            <fieldset>
              <legend class="sr">{t('comparison')}</legend>
              <label>
                <input
                  type="radio"
                  name="mode"
                  checked={model.mode.value === 'chosen'}
                  onChange={() => {
                    model.mode.value = 'chosen';
                  }}
                />{' '}
                {t('comparisonChosen')} ({comparison?.unitIds.length ?? 0})
              </label>{' '}
              <label>
                <input
                  type="radio"
                  name="mode"
                  checked={model.mode.value === 'all'}
                  onChange={() => {
                    model.mode.value = 'all';
                  }}
                />{' '}
                {t('comparisonAll')} ({list.items.length})
              </label>
            </fieldset>
            <label>
              {t('sortBy')}{' '}
              <select
                value={model.sortBy.value}
                onChange={(e) => (model.sortBy.value = e.currentTarget.value)}
              >
                <option value="name">{t('sortName')}</option>
                {list.indicators.map((d) => (
                  <option key={d.id} value={byIndicator(d.id)}>
                    {t('sortHighestFirst', { label: indicatorLabel(d, t, language).text })}
                  </option>
                ))}
              </select>
            </label>
            {model.areas.value.length > 0 && (
              <label>
                {t('filterArea')}{' '}
                <select value={model.area.value} onChange={(e) => (model.area.value = e.currentTarget.value)}>
                  <option value="">{t('all')}</option>
                  {model.areas.value.map((a) => (
                    <option key={a}>{a}</option>
                  ))}
                </select>
              </label>
            )}
            {model.languages.value.length > 0 && (
              <label>
                {t('filterLanguage')}{' '}
                <select
                  value={model.language.value}
                  onChange={(e) => (model.language.value = e.currentTarget.value)}
                >
                  <option value="">{t('all')}</option>
                  {model.languages.value.map((a) => (
                    <option key={a}>{a}</option>
                  ))}
                </select>
              </label>
            )}
          </div>
          <div class="controls no-print">
            <button type="button" onClick={() => actions.print('all')}>
              {t('printAll')}
            </button>
            {model.isPartOrResorted.value && units.length > 0 && (
              <button type="button" onClick={() => actions.print('shown')}>
                {t('printShown')}
              </button>
            )}
            {actions.openInTab && (
              <button type="button" onClick={() => actions.openInTab?.()}>
                {t('openInTab')}
              </button>
            )}
          </div>
          {model.mode.value === 'chosen' && units.length > 0 && (
            <ul class="chosen no-print">
              {units.map((u) => (
                <li key={u.id}>
                  <span lang={language === 'en' ? 'sv' : undefined}>{u.name}</span> ({regiText(u, t)}){' '}
                  <button
                    type="button"
                    onClick={() => onRemove(u.id)}
                    aria-label={`${t('remove')}: ${u.name}`}
                  >
                    {t('remove')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {units.length === 0 && model.mode.value === 'chosen' && (
            <p>
              {t('noneChosenHere')}{' '}
              <button
                type="button"
                onClick={() => {
                  model.mode.value = 'all';
                }}
              >
                {t('showAll')}
              </button>
            </p>
          )}
          {units.length > 0 && (
            <>
              <div class="screen-only">
                <FactBlocks units={units} rows={rows} t={t} language={language} />
                {/* A region that may scroll sideways with many providers: focusable, so the keyboard scrolls it */}
                <section
                  class="wide scroll"
                  aria-labelledby="wide-caption"
                  // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (axe scrollable-region-focusable)
                  tabIndex={0}
                  style={{ '--columns': String(units.length) }}
                >
                  <ComparisonTable
                    id="wide"
                    units={units}
                    rows={rows}
                    caption={heading}
                    t={t}
                    language={language}
                  />
                </section>
              </div>
              <div class="print-only">
                {parts.map((part, i) => {
                  const rowsOfPart = comparisonRows(part, list, place?.name ?? '', language, t);
                  const first = i * PRINT_COLUMNS + 1;
                  return (
                    <ComparisonTable
                      key={part[0]?.id ?? i}
                      id={`print-${i}`}
                      units={part}
                      rows={rowsOfPart}
                      caption={`${heading} – ${t('page', { n: i + 1, of: parts.length })} (${first}–${first + part.length - 1} / ${units.length})`}
                      t={t}
                      language={language}
                      notes={notes}
                    />
                  );
                })}
                <section class="footnotes">
                  <h2>{t('footnotes')}</h2>
                  <ol>
                    {rows.figures.map((row) => (
                      <li key={row.key}>
                        <strong>
                          <Text w={row.label} />
                        </strong>
                        : <Text w={row.explanation} />
                      </li>
                    ))}
                  </ol>
                </section>
              </div>
            </>
          )}
          <footer class="sources">
            <p>
              {list.dataset.kind === 'demo'
                ? `${t('source')}: ${t('demoLong')}`
                : [
                    basis,
                    ...new Set(list.indicators.map((d) => `${d.source.attribution} (${d.source.name})`)),
                  ]
                    .filter(Boolean)
                    .join('. ')}
              . {list.dataset.updatedAt && t('datasetUpdated', { date: formatDate(list.dataset.updatedAt) })}
            </p>
            <p class="print-only">{t('printedOn', { date: model.today() })} · Utförarkollen</p>
          </footer>
        </>
      )}
    </main>
  );
}
