import { useEffect, useRef, useState } from 'preact/hooks';
import type { UnitList } from '../../../shared/domain/api';
import type { Unit } from '../../../shared/domain/unit';
import type { FeedbackBody } from '../messages';
import type { UiLanguage } from '../settings';
import { formatDate } from './format';
import type { Translate } from './i18n';
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

/** A modal dialog with every fact of a unit; Escape or "Stäng" closes it and focus returns. */
export function Details({
  unit,
  list,
  place,
  language,
  textSize,
  inComparison,
  t,
  actions,
  onClose,
}: {
  unit: Unit;
  list: UnitList;
  place: string;
  language: UiLanguage;
  textSize: string;
  inComparison: boolean;
  t: Translate;
  actions: DetailsActions;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [history, setHistory] = useState<string | null>(null);
  const [reportKind, setReportKind] = useState<FeedbackBody['kind']>('wrong_match');
  const [reportStatus, setReportStatus] = useState<string | null>(null);
  const titleId = `uk-title-${unit.id}`;

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
  }, []);

  return (
    <dialog ref={dialog} aria-labelledby={titleId} onClose={onClose} class="root">
      <div class={`details size-${textSize}`}>
        <button type="button" class="close" onClick={() => dialog.current?.close()}>
          {t('close')}
        </button>
        <h2 id={titleId}>{unit.name}</h2>
        {list.dataset.kind === 'demo' && <p class="tag demo">{t('demoLong')}</p>}
        <UnitFacts unit={unit} list={list} place={place} language={language} t={t} />
        <div class="actions">
          <button type="button" onClick={() => actions.addToComparison()} aria-pressed={inComparison}>
            {inComparison ? t('inComparison') : t('addToComparison')}
          </button>
          <button type="button" onClick={() => actions.openComparison()}>
            {t('openComparison')}
          </button>
          <button
            type="button"
            onClick={async () => {
              const result = await actions.history(unit.id);
              setHistory(
                result.ok && result.entries.length
                  ? result.entries.map((e) => historyLine(e, t)).join('\n')
                  : t('historyNone'),
              );
            }}
          >
            {t('history')}
          </button>
        </div>
        {history !== null && (
          <p class="status" role="status" style={{ whiteSpace: 'pre-line' }}>
            {history}
          </p>
        )}
        <div class="report">
          <label>
            {t('report')}:{' '}
            <select
              value={reportKind}
              onChange={(e) =>
                setReportKind((e.currentTarget as HTMLSelectElement).value as FeedbackBody['kind'])
              }
            >
              <option value="wrong_match">{t('report_wrong_match')}</option>
              <option value="outdated">{t('report_outdated')}</option>
              <option value="missing">{t('report_missing')}</option>
            </select>
          </label>
          <button
            type="button"
            onClick={async () => {
              const result = await actions.report(reportKind);
              setReportStatus(result.ok ? t('reportThanks') : t('reportUnavailable'));
            }}
          >
            {t('report')}
          </button>
          {reportStatus && <span role="status">{reportStatus}</span>}
        </div>
      </div>
    </dialog>
  );
}
