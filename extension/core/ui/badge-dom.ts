import type { IndicatorDefinition } from '../../../shared/domain/indicator';
import type { Unit } from '../../../shared/domain/unit';
import type { UiLanguage } from '../settings';
import { formatDate, indicatorFact, regiText, shortLabel } from './format';
import type { Translate } from './i18n';

export interface BadgeProps {
  unit: Unit;
  indicators: readonly IndicatorDefinition[];
  demo: boolean;
  language: UiLanguage;
  textSize: string;
  t: Translate;
  onOpen: () => void;
}

function el(doc: Document, tag: string, className: string | null, text?: string): HTMLElement {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * The facts beside a provider's name: regi, the chosen indicators (figure, period, respondents or
 * "Uppgift saknas"), the demo label and the stale marker. Built with plain DOM calls, once per
 * badge: a page may list 500 providers, and this keeps drawing them all inside one frame. (The
 * details dialog, which is one at a time, is Preact.)
 */
export function renderBadge(root: ShadowRoot | HTMLElement, props: BadgeProps): HTMLButtonElement {
  const { unit, indicators, demo, language, textSize, t } = props;
  const doc = root.ownerDocument;
  const wrapper = el(doc, 'span', `root size-${textSize}`);
  const button = el(doc, 'button', 'badge') as HTMLButtonElement;
  button.type = 'button';
  button.setAttribute('aria-haspopup', 'dialog');
  button.addEventListener('click', (event) => {
    // The badge may sit inside a link or an accordion summary: open details, nothing else.
    event.preventDefault();
    event.stopPropagation();
    props.onOpen();
  });
  button.append(el(doc, 'span', 'sr', `${t('badgeLabel', { name: unit.name })}: `));
  button.append(el(doc, 'span', 'tag', regiText(unit, t)));
  for (const definition of indicators) {
    const fact = indicatorFact(unit, definition, language, t);
    const item = el(doc, 'span', null, `${shortLabel(definition, t)}: `);
    item.append(el(doc, 'span', 'figure', fact.text));
    if (fact.detail) item.append(el(doc, 'span', 'muted', ` (${fact.detail})`));
    button.append(item);
  }
  if (demo) button.append(el(doc, 'span', 'tag demo', t('demo')));
  if (unit.stale)
    button.append(el(doc, 'span', 'tag stale', t('stale', { date: formatDate(unit.verifiedAt) })));
  wrapper.append(button);
  root.append(wrapper);
  return button;
}
