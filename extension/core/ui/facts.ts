import type { Unit } from '../../../shared/domain/unit';
import type { UiLanguage } from '../settings';
import { regiText, telHref, verifiedText, webHost } from './format';
import type { Translate } from './i18n';

/**
 * One register fact of a unit: the same keys for every unit, "Uppgift saknas" for every gap. `href`
 * makes it a link (the website as its host, the phone as tel:); `sv` marks Swedish from the API in an
 * English view, so a screen reader reads it with a Swedish voice.
 */
export interface FactRow {
  key: string;
  label: string;
  value: string;
  href?: string;
  sv: boolean;
}

export function factRows(unit: Unit, t: Translate, language: UiLanguage): FactRow[] {
  const en = language === 'en';
  const missing = t('missing');
  const row = (key: string, value: string | null, sv = false, href?: string): FactRow => ({
    key,
    label: t(key as 'regi'),
    value: value || missing,
    sv: Boolean(value) && sv && en,
    ...(value && href ? { href } : {}),
  });
  const list = (items: readonly string[]) => (items.length ? items.join(', ') : null);
  const web = webHost(unit.contact.website);
  return [
    row('regi', regiText(unit, t)),
    row('areas', list(unit.areas), true),
    row('scope', list(unit.scope.map((s) => t(`scope_${s}`)))),
    row('languages', list(unit.languages.map((l) => l.name)), true),
    row('extraServices', list(unit.extraServices), true),
    row(
      'acceptsNewClients',
      unit.acceptsNewClients === null ? null : t(unit.acceptsNewClients ? 'yes' : 'no'),
    ),
    row('phone', unit.contact.phone, false, unit.contact.phone ? telHref(unit.contact.phone) : undefined),
    row('address', unit.contact.address, true),
    // A website that is not an http(s) address is shown as written, never as a link.
    row('website', web?.host ?? unit.contact.website, !web, web?.href),
    row('orgnr', unit.organisationsnummer),
    row('surveyUnits', list(unit.surveyUnits.map((s) => s.title ?? s.id)), true),
    // Where the unit comes from (the register, or Socialstyrelsen's survey for a baseline unit).
    row('origin', unit.originNote ?? null, true),
    row('verifiedAt', verifiedText(unit, t)),
  ];
}
