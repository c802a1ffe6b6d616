import type { IndicatorDefinition } from '../../../shared/domain/indicator';
import type { Unit } from '../../../shared/domain/unit';
import type { UiLanguage } from '../settings';
import { figureSummary, indicatorFigures, lineContext } from './figures';
import { regiText, shortLabel, verifiedText } from './format';
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
 * What a badge says about one unit, appended to `into`: regi, each chosen indicator ("Nöjda: 95 % av
 * 104 som svarade (2025)", one figure per survey unit side by side, or "Uppgift saknas"), the demo
 * label, and, for a record not checked for long, when the kommun last checked it. Shared by the badge
 * of one unit and any badge that shows several.
 */
export function appendUnitFacts(into: HTMLElement, props: Omit<BadgeProps, 'onOpen' | 'textSize'>): void {
  const { unit, indicators, demo, language, t } = props;
  const doc = into.ownerDocument;
  into.append(el(doc, 'span', 'tag', regiText(unit, t)));
  for (const definition of indicators) {
    const figures = indicatorFigures(unit, definition, language, t);
    const label = shortLabel(definition, t, language);
    const item = el(doc, 'span', 'fact');
    const name = el(doc, 'span', null, label.text);
    if (label.sv) name.lang = 'sv';
    item.append(name, ': ');
    figures.lines.forEach((line, i) => {
      if (i > 0) item.append(' · ');
      item.append(el(doc, 'span', 'figure', figureSummary(figures, line, t)));
      const context = lineContext(line);
      if (context) item.append(el(doc, 'span', 'muted', context));
    });
    into.append(item);
  }
  if (demo) into.append(el(doc, 'span', 'tag demo', t('demo')));
  const verified = unit.stale ? verifiedText(unit, t) : null;
  if (verified) into.append(el(doc, 'span', 'verified', verified));
}

/**
 * The badge beside a provider's name: its facts and a visible "Mer fakta" that opens the details.
 * Built with plain DOM calls, once per badge: a page may list 500 providers, and this keeps drawing
 * them all inside one frame. (The details dialog, which is one at a time, is Preact.)
 */
export function renderBadge(root: ShadowRoot | HTMLElement, props: BadgeProps): HTMLButtonElement {
  const { unit, language, textSize, t } = props;
  const doc = root.ownerDocument;
  const wrapper = el(doc, 'span', `root size-${textSize}`);
  // The shadow root's language, so a screen reader reads an English badge with an English voice.
  wrapper.lang = language;
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
  appendUnitFacts(button, props);
  button.append(el(doc, 'span', 'more', t('moreFacts')));
  wrapper.append(button);
  root.append(wrapper);
  return button;
}
