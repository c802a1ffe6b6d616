import type { loadReports } from '../../queries/editor-reports';
import { type Html, h, idFor } from '../html';
import { formatTime, type Lang, type Texts } from '../language';
import { PATHS } from '../paths';
import type { EditorSession } from '../session';
import { serviceLabel } from './home';
import { formTokenField, renderPage } from './layout';

type Report = Awaited<ReturnType<typeof loadReports>>[number];

const TEXT: Texts<{
  title: string;
  intro: string;
  none: string;
  caption: string;
  head: [string, string, string, string, string, string];
  kinds: Record<Report['kind'], string>;
  handledBy: (by: string, at: string) => string;
  markHandled: string;
  older: string;
  notFound: string;
}> = {
  sv: {
    title: 'Rapporter från användare',
    intro:
      'Användare av webbläsartillägget kan rapportera att en utförare blev fel igenkänd, saknas eller har inaktuella uppgifter. En rapport innehåller bara webbplatsens namn, texten i listan och vad som var fel; inga personuppgifter. Nyaste först.',
    none: 'Det finns inga rapporter.',
    caption: 'Rapporter, nyaste först',
    head: ['Datum', 'Vad', 'Webbplats', 'Texten i listan', 'Utförare', 'Hanterad'],
    kinds: { wrong_match: 'Fel utförare', missing: 'Utförare saknas', outdated: 'Inaktuella uppgifter' },
    handledBy: (by, at) => `av ${by}, ${at}`,
    markHandled: 'Markera som hanterad',
    older: 'Äldre rapporter',
    notFound: 'Rapporten finns inte bland era rapporter. Ingenting har ändrats.',
  },
  en: {
    title: 'Reports from users',
    intro:
      'Users of the browser extension can report that a provider was recognised wrongly, is missing or has outdated facts. A report holds only the site name, the listing text and what was wrong; no personal data. Newest first.',
    none: 'There are no reports.',
    caption: 'Reports, newest first',
    head: ['Date', 'What', 'Site', 'Listing text', 'Provider', 'Handled'],
    kinds: { wrong_match: 'Wrong provider', missing: 'Provider missing', outdated: 'Outdated facts' },
    handledBy: (by, at) => `by ${by}, ${at}`,
    markHandled: 'Mark as handled',
    older: 'Older reports',
    notFound: 'The report is not among your reports. Nothing has changed.',
  },
};

export function renderReports(
  lang: Lang,
  session: EditorSession,
  options: { reports: Report[]; olderThan: number | null; here: string; notFound?: boolean },
): Html {
  const t = TEXT[lang];
  return renderPage(
    { lang, title: t.title, here: options.here, session, section: 'reports' },
    h`<h1>${t.title}</h1>
${options.notFound && h`<div class="error-summary" role="alert"><p>${t.notFound}</p></div>`}
<p>${t.intro}</p>
${
  options.reports.length === 0
    ? h`<p>${t.none}</p>`
    : h`<div class="table-scroll" role="region" aria-label="${t.caption}" tabindex="0"><table>
<caption>${t.caption}</caption>
<thead><tr>${t.head.map((c) => h`<th scope="col">${c}</th>`)}</tr></thead>
<tbody>${options.reports.map((r) => {
        const id = idFor('report', String(r.id));
        return h`<tr>
<td>${formatTime(r.at)}</td>
<td id="${id}">${t.kinds[r.kind]} (${serviceLabel(r.service, lang)})</td>
<td class="value">${r.pageHost}</td>
<th scope="row">${r.listingText}</th>
<td>${r.unitName ?? ''}</td>
<td>${
          r.handledAt
            ? t.handledBy(r.handledBy ?? '', formatTime(r.handledAt))
            : h`<form method="post" action="${PATHS.reportHandled}" class="inline-form">${formTokenField(session)}<input type="hidden" name="id" value="${r.id}"><button type="submit" class="secondary" aria-describedby="${id}">${t.markHandled}</button></form>`
        }</td>
</tr>`;
      })}</tbody></table></div>`
}
${options.olderThan !== null && h`<p><a href="${PATHS.reports}?before=${options.olderThan}">${t.older}</a></p>`}`,
  );
}
