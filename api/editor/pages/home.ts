import { SERVICES, type Service } from '../../../shared/domain';
import type { SystemOverview } from '../../queries/editor-overview';
import { type Html, h } from '../html';
import { formatTime, type Lang, type Texts } from '../language';
import { PATHS } from '../paths';
import type { EditorSession } from '../session';
import { renderPage } from './layout';
import { count } from './values';

const TEXT: Texts<{
  title: string;
  systems: string;
  noSystems: string;
  caption: string;
  head: [string, string, string, string, string];
  kind: Record<'demo' | 'live', string>;
  never: string;
  cards: {
    register: [string, Html];
    kolada: [string, (n: number) => Html];
    reports: [string, (n: number) => Html];
    changes: [string, Html];
  };
}> = {
  sv: {
    title: 'Översikt',
    systems: 'Era valfrihetssystem',
    noSystems: 'Det finns inga utförare i registret ännu. Publicera ert första register under Registret.',
    caption: 'Valfrihetssystem, antal aktiva utförare och senaste uppdateringar',
    head: ['Tjänst', 'Uppgifter', 'Aktiva utförare', 'Registret ändrat', 'Resultat från Kolada'],
    kind: { demo: 'Exempeldata (påhittade utförare)', live: 'Ert register' },
    never: 'aldrig',
    cards: {
      register: [
        'Registret',
        h`<p>Ladda ned registret (Excel eller CSV) eller en tom mall, granska en ny version och publicera den.</p>`,
      ],
      kolada: [
        'Kolada-kopplingar',
        (n) =>
          h`<p>${n === 0 ? 'Inga enheter från Kolada väntar på koppling.' : `${count(n, 'enhet', 'enheter')} från Kolada väntar på koppling.`}</p>`,
      ],
      reports: [
        'Rapporter från användare',
        (n) =>
          h`<p>${n === 0 ? 'Inga ohanterade rapporter.' : `${count(n, 'ohanterad rapport', 'ohanterade rapporter')}.`}</p>`,
      ],
      changes: ['Ändringar', h`<p>Vem som ändrade vad i ert register, och när.</p>`],
    },
  },
  en: {
    title: 'Overview',
    systems: 'Your choice systems',
    noSystems: 'The register has no providers yet. Publish your first register under Register.',
    caption: 'Choice systems, number of active providers and latest updates',
    head: ['Service', 'Data', 'Active providers', 'Register changed', 'Results from Kolada'],
    kind: { demo: 'Example data (invented providers)', live: 'Your register' },
    never: 'never',
    cards: {
      register: [
        'Register',
        h`<p>Download the register (Excel or CSV) or an empty template, review a new version and publish it.</p>`,
      ],
      kolada: [
        'Kolada links',
        (n) =>
          h`<p>${n === 0 ? 'No Kolada units are waiting to be linked.' : `${count(n, 'Kolada unit is', 'Kolada units are')} waiting to be linked.`}</p>`,
      ],
      reports: [
        'Reports from users',
        (n) => h`<p>${n === 0 ? 'No open reports.' : `${count(n, 'open report', 'open reports')}.`}</p>`,
      ],
      changes: ['Changes', h`<p>Who changed what in your register, and when.</p>`],
    },
  },
};

export function serviceLabel(service: string, lang: Lang): string {
  return SERVICES[service as Service]?.label[lang] ?? service;
}

export function renderHome(
  lang: Lang,
  session: EditorSession,
  overview: { systems: SystemOverview[]; openReports: number; ousToLink: number },
): Html {
  const t = TEXT[lang];
  const card = (path: string, [title, body]: [string, Html]) =>
    h`<li><h2><a href="${path}">${title}</a></h2>${body}</li>`;
  return renderPage(
    { lang, title: t.title, here: PATHS.home, session, section: 'home' },
    h`<h1>${session.huvudmanName}</h1>
<ul class="cards">
${card(PATHS.register, t.cards.register)}
${card(PATHS.kolada, [t.cards.kolada[0], t.cards.kolada[1](overview.ousToLink)])}
${card(PATHS.reports, [t.cards.reports[0], t.cards.reports[1](overview.openReports)])}
${card(PATHS.changes, t.cards.changes)}
</ul>
<h2>${t.systems}</h2>
${
  overview.systems.length === 0
    ? h`<p>${t.noSystems}</p>`
    : h`<div class="table-scroll" role="region" aria-label="${t.caption}" tabindex="0"><table>
<caption>${t.caption}</caption>
<thead><tr>${t.head.map((cell) => h`<th scope="col">${cell}</th>`)}</tr></thead>
<tbody>
${overview.systems.map(
  (s) =>
    h`<tr><th scope="row">${serviceLabel(s.service, lang)}</th><td>${t.kind[s.kind]}</td><td>${s.activeUnits}</td><td>${s.registerUpdatedAt ? formatTime(s.registerUpdatedAt) : t.never}</td><td>${s.indicatorsSyncedAt ? formatTime(s.indicatorsSyncedAt) : t.never}</td></tr>`,
)}
</tbody></table></div>`
}`,
  );
}
