import type { Unit } from '../../../../shared/domain/unit';
import type { UiLanguage } from '../../settings';
import { figureSummary, type IndicatorFigures, lineContext } from '../../ui/figures';
import type { Translate } from '../../ui/i18n';
import { FactValue, Text } from '../../ui/Text';
import type { ComparisonRows, FigureComparison } from './rows';

/** A unit's figures for one indicator: one line per survey unit, "Uppgift saknas" with its reason. */
export function FigureCell({
  cell,
  t,
  language,
}: {
  cell: IndicatorFigures;
  t: Translate;
  language: UiLanguage;
}) {
  return (
    <>
      {cell.lines.map((line, i) => (
        <span class="line" key={i}>
          <span class="figure">{figureSummary(cell, line, t)}</span>
          <span lang={language === 'en' && line.surveyUnit ? 'sv' : undefined}>{lineContext(line)}</span>
          {line.missing && <span class="muted"> – {t(`missing_${line.missing}`)}</span>}
        </span>
      ))}
    </>
  );
}

function Name({ unit, language }: { unit: Unit; language: UiLanguage }) {
  return <span lang={language === 'en' ? 'sv' : undefined}>{unit.name}</span>;
}

function FigureNotes({ row, note }: { row: FigureComparison; note?: number }) {
  return (
    <>
      {note !== undefined && <sup>{note}</sup>}
      {[...row.references, ...row.sources].map((text) => (
        <span class="source line" key={text}>
          {text}
        </span>
      ))}
    </>
  );
}

/**
 * The narrow comparison (a side panel): one block per fact, one line per provider, so every provider
 * is seen without scrolling sideways.
 */
export function FactBlocks({
  units,
  rows,
  t,
  language,
}: {
  units: Unit[];
  rows: ComparisonRows;
  t: Translate;
  language: UiLanguage;
}) {
  return (
    <div class="narrow">
      <h2>{t('facts')}</h2>
      {rows.facts.map((row) => (
        <section class="block" key={row.key} aria-labelledby={`fact-${row.key}`}>
          <h3 id={`fact-${row.key}`}>{row.label}</h3>
          <ul>
            {units.map((unit, i) => (
              <li key={unit.id}>
                <span class="who">
                  <Name unit={unit} language={language} />:
                </span>{' '}
                <FactValue row={row.cells[i]!} />
              </li>
            ))}
          </ul>
        </section>
      ))}
      <h2>{t('indicators')}</h2>
      {rows.figures.map((row) => (
        <section class="block" key={row.key} aria-labelledby={`figure-${row.key}`}>
          <h3 id={`figure-${row.key}`}>
            <Text w={row.label} />
          </h3>
          <p>
            <FigureNotes row={row} />
          </p>
          <details class="explain">
            <summary>{t('explain')}</summary>
            <p>
              <Text w={row.explanation} />
            </p>
          </details>
          <ul>
            {units.map((unit, i) => (
              <li key={unit.id}>
                <span class="who">
                  <Name unit={unit} language={language} />:
                </span>{' '}
                <FigureCell cell={row.cells[i]!} t={t} language={language} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

/**
 * Providers side by side in identical rows, the facts' column first: the wide view on screen and each
 * printed table. Fixed layout within the width, cells that wrap; on paper its rows may break across
 * pages and its head is repeated on each.
 */
export function ComparisonTable({
  id,
  units,
  rows,
  caption,
  t,
  language,
  notes,
}: {
  id: string;
  units: Unit[];
  rows: ComparisonRows;
  caption: string;
  t: Translate;
  language: UiLanguage;
  /** On paper: each indicator's footnote number (its explanation is printed at the end) */
  notes?: Map<string, number>;
}) {
  return (
    <table class="comparison" aria-labelledby={`${id}-caption`}>
      <caption id={`${id}-caption`}>{caption}</caption>
      <colgroup>
        <col class="label-col" />
        {units.map((u) => (
          <col key={u.id} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th scope="col">{t('field')}</th>
          {units.map((u) => (
            <th scope="col" key={u.id}>
              <Name unit={u} language={language} />
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.facts.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            {row.cells.map((cell, i) => (
              <td key={units[i]?.id}>
                <FactValue row={cell} />
              </td>
            ))}
          </tr>
        ))}
        {rows.figures.map((row) => (
          <tr key={row.key}>
            <th scope="row">
              <Text w={row.label} />
              <FigureNotes row={row} {...(notes ? { note: notes.get(row.key) } : {})} />
            </th>
            {row.cells.map((cell, i) => (
              <td key={units[i]?.id}>
                <FigureCell cell={cell} t={t} language={language} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
