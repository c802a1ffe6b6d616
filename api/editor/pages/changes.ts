import { COLUMN_OF_FIELD } from '../../export/register';
import type { loadChangeLog } from '../../queries/editor-changes';
import { type Html, h } from '../html';
import { formatTime, type Lang, type Texts } from '../language';
import { PATHS } from '../paths';
import type { EditorSession } from '../session';
import { serviceLabel } from './home';
import { renderPage } from './layout';
import { showValue } from './values';

type Change = Awaited<ReturnType<typeof loadChangeLog>>[number];

const TEXT: Texts<{
  title: string;
  intro: string;
  none: string;
  caption: string;
  head: [string, string, string, string, string, string, string];
  kinds: Record<Change['kind'], string>;
  actors: Record<string, string>;
  wholeUnit: string;
  older: string;
}> = {
  sv: {
    title: 'Ändringar',
    intro:
      'Varje ändring i ert register, och i resultaten från Kolada: när, vem (nyckelns namn, eller import, synkning), vilken kolumn, det gamla och det nya värdet. Nyaste först. Varje utförares historik är också öppen för alla.',
    none: 'Inga ändringar ännu.',
    caption: 'Ändringar, nyaste först',
    head: ['När', 'Vem', 'Utförare', 'Vad', 'Kolumn', 'Före', 'Efter'],
    kinds: { added: 'Ny', changed: 'Ändrad', ended: 'Avslutad', indicator: 'Resultat' },
    actors: { sync: 'synkning med Kolada', cli: 'import från kommandoraden', demo: 'exempeldata' },
    wholeUnit: 'alla uppgifter',
    older: 'Äldre ändringar',
  },
  en: {
    title: 'Changes',
    intro:
      'Every change to your register, and to the results from Kolada: when, who (the key’s name, or import, sync), which column, the old and the new value. Newest first. Each provider’s history is also open to everyone.',
    none: 'No changes yet.',
    caption: 'Changes, newest first',
    head: ['When', 'Who', 'Provider', 'What', 'Column', 'Before', 'After'],
    kinds: { added: 'New', changed: 'Changed', ended: 'Ended', indicator: 'Result' },
    actors: { sync: 'sync with Kolada', cli: 'import from the command line', demo: 'example data' },
    wholeUnit: 'all facts',
    older: 'Older changes',
  },
};

const columnOf = (field: string) => COLUMN_OF_FIELD[field as keyof typeof COLUMN_OF_FIELD] ?? field;

/** An added unit's facts as "namn: …; regi: …", in the register's column names, empty ones left out. */
function unitFacts(value: unknown, lang: Lang): Html {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return showValue(value, lang);
  const parts = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== null && v !== '' && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => h`${columnOf(k)}: ${showValue(v, lang)}`);
  return h`${parts.map((p, i) => (i === 0 ? p : h`; ${p}`))}`;
}

export function renderChanges(
  lang: Lang,
  session: EditorSession,
  options: { changes: Change[]; olderThan: number | null; here: string },
): Html {
  const t = TEXT[lang];
  return renderPage(
    { lang, title: t.title, here: options.here, session, section: 'changes' },
    h`<h1>${t.title}</h1>
<p>${t.intro}</p>
${
  options.changes.length === 0
    ? h`<p>${t.none}</p>`
    : h`<div class="table-scroll" role="region" aria-label="${t.caption}" tabindex="0"><table>
<caption>${t.caption}</caption>
<thead><tr>${t.head.map((c) => h`<th scope="col">${c}</th>`)}</tr></thead>
<tbody>${options.changes.map(
        (c) => h`<tr>
<td>${formatTime(c.at)}</td>
<td>${c.actor}${t.actors[c.actor] ? ` (${t.actors[c.actor]})` : ''}</td>
<th scope="row"><a href="/v1/units/${c.unitId}/history">${c.unitName ?? c.unitId}</a> <span class="hint">(${serviceLabel(c.service, lang)})</span></th>
<td>${t.kinds[c.kind]}</td>
<td class="value">${c.field === 'unit' ? t.wholeUnit : columnOf(c.field)}</td>
<td class="value">${c.field === 'unit' ? '' : showValue(c.from, lang)}</td>
<td class="value">${c.field === 'unit' ? unitFacts(c.to, lang) : showValue(c.to, lang)}</td>
</tr>`,
      )}</tbody></table></div>`
}
${options.olderThan !== null && h`<p><a href="${PATHS.changes}?before=${options.olderThan}">${t.older}</a></p>`}`,
  );
}
