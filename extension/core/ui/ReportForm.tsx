import { Component } from 'preact';
import type { FeedbackBody } from '../messages';
import type { Translate } from './i18n';

type Kind = FeedbackBody['kind'];
const KINDS: Kind[] = ['wrong_match', 'outdated', 'missing'];

interface ReportFormProps {
  name: string;
  /** What the report carries besides its kind: the site's host and the listing's text */
  context: { host: string; text: string };
  t: Translate;
  send(kind: Kind): Promise<{ ok: boolean }>;
  onDone(receipt: string): void;
}

/**
 * "Rapportera fel" in two steps: what is wrong and what the report sends, then a clear receipt. Nothing
 * is sent before "Skicka rapporten".
 */
export class ReportForm extends Component<ReportFormProps, { kind: Kind; sending: boolean }> {
  override state = { kind: 'wrong_match' as Kind, sending: false };

  override render() {
    const { name, context, t, send, onDone } = this.props;
    const { kind, sending } = this.state;
    const setKind = (k: Kind) => this.setState({ kind: k });
    const setSending = (v: boolean) => this.setState({ sending: v });
    return (
      <fieldset class="report">
        <legend>{t('report')}</legend>
        <label>
          {t('reportWhat')}{' '}
          <select
            value={kind}
            onChange={(e) => setKind((e.currentTarget as HTMLSelectElement).value as Kind)}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`report_${k}`)}
              </option>
            ))}
          </select>
        </label>
        <p class="muted">{t('reportSends', { host: context.host, text: context.text })}</p>
        <button
          type="button"
          disabled={sending}
          onClick={async () => {
            setSending(true);
            const result = await send(kind).catch(() => ({ ok: false }));
            onDone(
              result.ok
                ? `${t('reportThanks')} ${t('reportReceipt', { name, kind: t(`report_${kind}`) })}`
                : t('reportUnavailable'),
            );
          }}
        >
          {t('reportSend')}
        </button>{' '}
        <button type="button" onClick={() => onDone('')}>
          {t('cancel')}
        </button>
      </fieldset>
    );
  }
}
