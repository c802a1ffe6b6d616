import { Component, createRef } from 'preact';
import type { UnitList } from '../../../shared/domain/api';
import type { Unit } from '../../../shared/domain/unit';
import type { FeedbackBody } from '../messages';
import type { UiLanguage } from '../settings';
import { basisText, formatDate } from './format';
import type { Translate } from './i18n';
import { ReportForm } from './ReportForm';
import { UnitFacts } from './UnitFacts';

/** One change from GET /v1/units/{id}/history: `{ at, kind, field, from, to }`, newest first. */
export function historyLine(change: unknown, t: Translate): string {
  const c = change as { at?: string; kind?: string; field?: string; from?: unknown; to?: unknown };
  const show = (v: unknown) =>
    v === null || v === undefined || v === '' ? t('missing') : Array.isArray(v) ? v.join(', ') : String(v);
  const what =
    c.kind === 'changed' || c.kind === 'indicator'
      ? `${c.field}: ${show(c.from)} → ${show(c.to)}`
      : c.kind === 'added' || c.kind === 'ended'
        ? t(`history_${c.kind}`)
        : `${c.kind ?? ''} ${c.field ?? ''}`;
  return `${formatDate(c.at)} ${what}`.trim();
}

export interface DetailsActions {
  history(unitId: string): Promise<{ ok: true; entries: unknown[] } | { ok: false; status: number }>;
  report(kind: FeedbackBody['kind']): Promise<{ ok: boolean }>;
  addToComparison(): Promise<void>;
  openComparison(): void;
}

/**
 * What the list rests on ("Kommunens register", or Socialstyrelsen's survey units). Where the unit
 * comes from ("Ursprung", a baseline unit's survey round) and who checked its facts and when
 * ("Kommunen kontrollerade uppgifterna senast …") are fact rows, the same words in every view.
 */
export function ListBasis({ list, t }: { list: UnitList; t: Translate }) {
  const basis = basisText(list, t);
  return basis ? (
    <p class="origin">
      {t('basis')}: {basis}.
    </p>
  ) : null;
}

export interface DetailsProps {
  unit: Unit;
  list: UnitList;
  place: string;
  language: UiLanguage;
  textSize: string;
  inComparison: boolean;
  t: Translate;
  actions: DetailsActions;
  /** What "Rapportera fel" sends besides its kind: the site's host and the listing's text */
  reportContext?: { host: string; text: string };
  onClose: () => void;
}

interface DetailsState {
  history: string | null;
  reporting: boolean;
  receipt: string;
}

/**
 * A modal dialog with every fact of a unit; Escape or "Stäng" closes it and focus returns. The
 * actions come first, under the title; then the facts and one table of figures. A class component,
 * not hooks: preact/hooks would be the content script's only use of them, and the content script
 * has a size budget (docs/extension.md).
 */
export class Details extends Component<DetailsProps, DetailsState> {
  override state: DetailsState = { history: null, reporting: false, receipt: '' };
  dialog = createRef<HTMLDialogElement>();

  override componentDidMount() {
    const el = this.dialog.current;
    if (el && !el.open) el.showModal();
  }

  override render() {
    const { unit, list, place, language, textSize, inComparison, t, actions, reportContext, onClose } =
      this.props;
    const { history, reporting, receipt } = this.state;
    const dialog = this.dialog;
    const titleId = `uk-title-${unit.id}`;
    return (
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        onClose={onClose}
        class={`root size-${textSize}`}
        lang={language}
      >
        <div class="details">
          <button type="button" class="close" onClick={() => dialog.current?.close()}>
            {t('close')}
          </button>
          <h2 id={titleId} lang={language === 'en' ? 'sv' : undefined}>
            {unit.name}
          </h2>
          {list.dataset.kind === 'demo' && <p class="demo-banner">{t('demoLong')}</p>}
          <ListBasis list={list} t={t} />
          <div class="actions">
            <button type="button" onClick={() => actions.addToComparison()} aria-pressed={inComparison}>
              {inComparison ? t('inComparison') : t('addToComparison')}
            </button>
            <button type="button" onClick={() => actions.openComparison()}>
              {t('openComparison')}
            </button>
            <button
              type="button"
              aria-expanded={reporting}
              onClick={() => {
                this.setState({ reporting: !reporting, receipt: '' });
              }}
            >
              {t('report')}
            </button>
            <button
              type="button"
              onClick={async () => {
                const result = await actions.history(unit.id);
                this.setState({
                  history:
                    result.ok && result.entries.length
                      ? result.entries.map((e) => historyLine(e, t)).join('\n')
                      : t('historyNone'),
                });
              }}
            >
              {t('history')}
            </button>
          </div>
          {reporting && (
            <ReportForm
              name={unit.name}
              context={reportContext ?? { host: '', text: unit.name }}
              t={t}
              send={actions.report}
              onDone={(text) => {
                this.setState({ reporting: false, receipt: text });
              }}
            />
          )}
          <p class="status receipt" role="status">
            {receipt}
          </p>
          {history !== null && (
            <p class="status history" role="status" style={{ whiteSpace: 'pre-line' }}>
              {history}
            </p>
          )}
          <UnitFacts unit={unit} list={list} place={place} language={language} t={t} />
        </div>
      </dialog>
    );
  }
}
