import { huvudmanKind } from '../../../shared/domain';
import type { RegisterProblem } from '../../../shared/register';
import { COLUMN_OF_FIELD } from '../../export/register';
import type { ImportSummary } from '../../register/import';
import { type Html, h } from '../html';
import type { Lang, Texts } from '../language';
import { PATHS } from '../paths';
import { CONFIRM_ENDING_FIELD, type EndingToConfirm, type SystemPreview } from '../review';
import type { EditorSession } from '../session';
import { serviceLabel } from './home';
import { formTokenField, renderPage } from './layout';
import { uploadForm } from './register';
import { count, number, showValue } from './values';

const TEXT: Texts<{
  problemsTitle: (n: number) => string;
  problemsIntro: string;
  problemsCapped: (listed: number, total: number) => string;
  problemsCaption: string;
  problemsHead: [string, string, string, string];
  cellHead: string;
  wholeFile: string;
  tryAgain: string;
  previewTitle: string;
  previewIntro: (file: string) => Html;
  readAs: string;
  counts: { added: string; changed: string; ended: string; unchanged: string };
  replacesDemo: (n: number) => string;
  added: string;
  addedHead: [string, string, string, string];
  changed: string;
  changeCaption: (name: string) => string;
  changeHead: [string, string, string];
  ended: string;
  endedNote: string;
  unchangedList: (n: number) => string;
  nothing: string;
  nothingIntro: string;
  publishHeading: string;
  publishIntro: string;
  publishButton: string;
  ending: (n: number, of: number, service: string) => string;
  endingTotal: (n: number) => string;
  endingCheck: string;
  endingLabel: (n: number) => string;
  endingMissing: (n: number) => string;
  otherFile: string;
  goneTitle: string;
  gone: string;
  staleTitle: string;
  stale: string;
  publishedTitle: string;
  publishedIntro: (at: string) => string;
  publicList: (service: string) => string;
  publicCsv: string;
  historyHeading: string;
  historyIntro: Html;
  historyMore: (n: number) => string;
  kinds: { added: string; changed: string; ended: string };
}> = {
  sv: {
    problemsTitle: (n) => (n === 1 ? 'Filen har 1 problem' : `Filen har ${n} problem`),
    problemsIntro: 'Ingenting har sparats. Rätta felen i kalkylprogrammet, spara filen och granska den igen.',
    problemsCapped: (listed, total) =>
      `Visar de första ${listed} av ${number(total)} problem. Rätta dem och granska filen igen, så visas resten.`,
    problemsCaption: 'Problem i filen, med rad och kolumn',
    problemsHead: ['Rad', 'Kolumn', 'Värde i filen', 'Problem'],
    cellHead: 'Cell',
    wholeFile: 'hela filen',
    tryAgain: 'Granska filen igen',
    previewTitle: 'Granska innan du publicerar',
    previewIntro: (file) =>
      h`<p>Filen <strong>${file}</strong> har inga fel. Så här skulle registret ändras. Ingenting är sparat ännu.</p>`,
    readAs: 'Filen lästes som',
    counts: { added: 'Nya', changed: 'Ändrade', ended: 'Avslutas', unchanged: 'Oförändrade' },
    replacesDemo: (n) =>
      `Registret ersätter ${count(n, 'enhet', 'enheter')} med exempeldata (påhittade utförare); de tas bort när du publicerar.`,
    added: 'Nya utförare',
    addedHead: ['Namn', 'Regi', 'Id', 'Verifierad'],
    changed: 'Ändrade utförare',
    changeCaption: (name) => `Ändringar för ${name}`,
    changeHead: ['Kolumn', 'Nu', 'Efter publicering'],
    ended: 'Utförare som avslutas',
    endedNote:
      'De finns inte i filen och får status avslutad med dagens datum. De tas inte bort; historiken finns kvar.',
    unchangedList: (n) => `${count(n, 'oförändrad utförare', 'oförändrade utförare')}`,
    nothing: 'Filen ändrar ingenting',
    nothingIntro: 'Registret är redan exakt så här, så det finns inget att publicera.',
    publishHeading: 'Publicera',
    publishIntro:
      'Publicera gör exakt de ändringar som visas ovan, från den fil du granskade, allt på en gång. Har registret ändrats sedan du granskade (av en annan redaktör eller en synkning) sparas ingenting, och du får granska igen.',
    publishButton: 'Publicera',
    ending: (n, of, service) =>
      `Publiceringen avslutar ${n} av ${of} utförare inom ${service.toLowerCase()}.`,
    endingTotal: (n) => `Sammanlagt avslutar publiceringen ${count(n, 'utförare', 'utförare')}.`,
    endingCheck:
      'Är filen komplett? En fil som bara delvis har sparats eller har klippts av ser ut som en kort lista, och varje utförare som saknas i den avslutas. Se listan Utförare som avslutas. Ska de avslutas: kryssa i rutan vid Publicera.',
    endingLabel: (n) => `Jag har kontrollerat filen: ${count(n, 'utförare', 'utförare')} ska avslutas.`,
    endingMissing: (n) =>
      `Publiceringen avslutar ${count(n, 'utförare', 'utförare')}. Kryssa i rutan för att bekräfta det, och tryck Publicera igen. Ingenting har sparats.`,
    otherFile: 'Eller granska en annan fil',
    goneTitle: 'Granska filen igen',
    gone: 'Det finns ingen granskad fil att publicera för den här inloggningen (du har granskat en annan fil sedan dess, redan publicerat den, eller loggat in på nytt). Ingenting har sparats.',
    staleTitle: 'Registret har ändrats sedan du granskade',
    stale:
      'Någon annan har ändrat registret sedan du granskade filen (en annan redaktör, eller en synkning från Kolada). Ingenting har sparats. Granska filen igen, så ser du vad den gör med registret som det är nu.',
    publishedTitle: 'Registret är publicerat',
    publishedIntro: (at) => `Publicerat ${at}. Ändringarna syns nu i den publika listan och i historiken.`,
    publicList: (service) => `Den publika listan: ${service}`,
    publicCsv: 'som CSV',
    historyHeading: 'Historiken',
    historyIntro: h`<p>Varje ändring är sparad med tid, vem (nyckelns namn), kolumn, gammalt och nytt värde. Se dem under <a href="${PATHS.changes}">Ändringar</a>, eller varje enhets publika historik:</p>`,
    historyMore: (n) => `… och ${count(n, 'enhet', 'enheter')} till, under Ändringar.`,
    kinds: { added: 'ny', changed: 'ändrad', ended: 'avslutad' },
  },
  en: {
    problemsTitle: (n) => (n === 1 ? 'The file has 1 problem' : `The file has ${n} problems`),
    problemsIntro:
      'Nothing has been saved. Fix the problems in the spreadsheet, save the file and review it again.',
    problemsCapped: (listed, total) =>
      `Showing the first ${listed} of ${number(total)} problems. Fix them and review the file again to see the rest.`,
    problemsCaption: 'Problems in the file, with line and column',
    problemsHead: ['Line', 'Column', 'Value in the file', 'Problem (in Swedish)'],
    cellHead: 'Cell',
    wholeFile: 'whole file',
    tryAgain: 'Review the file again',
    previewTitle: 'Review before you publish',
    previewIntro: (file) =>
      h`<p>The file <strong>${file}</strong> has no problems. This is how the register would change. Nothing is saved yet.</p>`,
    readAs: 'The file was read as (in Swedish):',
    counts: { added: 'New', changed: 'Changed', ended: 'Ending', unchanged: 'Unchanged' },
    replacesDemo: (n) =>
      `The register replaces ${count(n, 'unit', 'units')} of example data (invented providers); they are removed when you publish.`,
    added: 'New providers',
    addedHead: ['Name', 'Regi', 'Id', 'Verified'],
    changed: 'Changed providers',
    changeCaption: (name) => `Changes for ${name}`,
    changeHead: ['Column', 'Now', 'After publishing'],
    ended: 'Providers that end',
    endedNote:
      "They are not in the file and get status avslutad with today's date. They are not deleted; their history stays.",
    unchangedList: (n) => `${count(n, 'unchanged provider', 'unchanged providers')}`,
    nothing: 'The file changes nothing',
    nothingIntro: 'The register is already exactly like this, so there is nothing to publish.',
    publishHeading: 'Publish',
    publishIntro:
      'Publish makes exactly the changes shown above, from the file you reviewed, all at once. If the register has changed since your review (another editor, or a sync), nothing is saved and you review again.',
    publishButton: 'Publish',
    ending: (n, of, service) => `Publishing ends ${n} of ${of} providers of ${service.toLowerCase()}.`,
    endingTotal: (n) => `In all, publishing ends ${count(n, 'provider', 'providers')}.`,
    endingCheck:
      'Is the file complete? A file that was only partly saved or was cut off looks like a short list, and every provider missing from it ends. See the list Providers that end. If they are to end: tick the box at Publish.',
    endingLabel: (n) => `I have checked the file: ${count(n, 'provider is', 'providers are')} to end.`,
    endingMissing: (n) =>
      `Publishing ends ${count(n, 'provider', 'providers')}. Tick the box to confirm it, and press Publish again. Nothing has been saved.`,
    otherFile: 'Or review another file',
    goneTitle: 'Review the file again',
    gone: 'There is no reviewed file to publish for this session (you have reviewed another file since, already published it, or signed in again). Nothing has been saved.',
    staleTitle: 'The register has changed since your review',
    stale:
      'Someone else has changed the register since you reviewed the file (another editor, or a sync from Kolada). Nothing has been saved. Review the file again to see what it does to the register as it is now.',
    publishedTitle: 'The register is published',
    publishedIntro: (at) => `Published ${at}. The changes are now in the public list and in the history.`,
    publicList: (service) => `The public list: ${service}`,
    publicCsv: 'as CSV',
    historyHeading: 'History',
    historyIntro: h`<p>Every change is recorded with its time, who (the key's name), column, old and new value. See them under <a href="${PATHS.changes}">Changes</a>, or each unit's public history:</p>`,
    historyMore: (n) => `… and ${count(n, 'more unit', 'more units')}, under Changes.`,
    kinds: { added: 'new', changed: 'changed', ended: 'ended' },
  },
};

const frame = (lang: Lang, session: EditorSession, title: string) => ({
  lang,
  title,
  here: PATHS.register,
  session,
  section: 'register' as const,
});

/** How the reader took the file ("CSV med semikolon, teckenkodning Windows-1252"), in Swedish as the reader says it. */
function readAsLine(lang: Lang, readAs: string | null): Html | '' {
  if (!readAs) return '';
  return lang === 'sv'
    ? h`<p>${TEXT.sv.readAs} ${readAs}.</p>`
    : h`<p>${TEXT.en.readAs} <span lang="sv">${readAs}</span>.</p>`;
}

/**
 * Every problem of a file (the first 200, saying so when there are more), each with its line, column,
 * the cell of a workbook, the value found there and the reason.
 */
export function renderProblems(
  lang: Lang,
  session: EditorSession,
  options: {
    fileName: string;
    problems: readonly RegisterProblem[];
    problemCount: number;
    readAs: string | null;
    maxBytes: number;
  },
): Html {
  const t = TEXT[lang];
  const title = t.problemsTitle(options.problemCount);
  const capped = options.problemCount > options.problems.length;
  const cells = options.problems.some((p) => p.cell !== undefined);
  const head = cells
    ? [...t.problemsHead.slice(0, 2), t.cellHead, ...t.problemsHead.slice(2)]
    : t.problemsHead;
  return renderPage(
    frame(lang, session, title),
    h`<h1>${title}</h1>
<div class="error-summary" role="alert" aria-labelledby="problems-heading">
<h2 id="problems-heading">${options.fileName}</h2>
<p>${t.problemsIntro}</p>
${capped && h`<p>${t.problemsCapped(options.problems.length, options.problemCount)}</p>`}
</div>
${readAsLine(lang, options.readAs)}
<div class="table-scroll" role="region" aria-label="${t.problemsCaption}" tabindex="0"><table class="problems">
<caption>${t.problemsCaption}</caption>
<thead><tr>${head.map((cell) => h`<th scope="col">${cell}</th>`)}</tr></thead>
<tbody>
${options.problems.map(
  (p) => h`<tr>
<td>${p.line ?? t.wholeFile}</td>
<td>${p.column ?? ''}</td>
${cells && h`<td>${p.cell ?? ''}</td>`}
<td class="value">${p.value === undefined ? '' : showValue(p.value, lang)}</td>
<td lang="sv">${p.message}</td>
</tr>`,
)}
</tbody></table></div>
<h2>${t.tryAgain}</h2>
${uploadForm(lang, session, { maxBytes: options.maxBytes })}`,
  );
}

function systemSection(lang: Lang, system: SystemPreview): Html {
  const t = TEXT[lang];
  const service = serviceLabel(system.service, lang);
  const id = `system-${system.huvudman}-${system.service}`;
  return h`<section aria-labelledby="${id}">
<h2 id="${id}">${service}</h2>
<dl class="counts">
<dt>${t.counts.added}</dt><dd>${system.added.length}</dd>
<dt>${t.counts.changed}</dt><dd>${system.changed.length}</dd>
<dt>${t.counts.ended}</dt><dd>${system.ended.length}</dd>
<dt>${t.counts.unchanged}</dt><dd>${system.unchanged.length}</dd>
</dl>
${system.replacesDemo > 0 && h`<p class="notice warning">${t.replacesDemo(system.replacesDemo)}</p>`}
${
  system.added.length > 0 &&
  h`<h3>${t.added}</h3>
<div class="table-scroll" role="region" aria-label="${t.added}: ${service}" tabindex="0"><table>
<caption class="visually-hidden">${t.added}: ${service}</caption>
<thead><tr>${t.addedHead.map((cell) => h`<th scope="col">${cell}</th>`)}</tr></thead>
<tbody>${system.added.map(
    (a) =>
      h`<tr><th scope="row">${a.name}</th><td>${a.fields.regi}</td><td class="value">${showValue(a.fields.registerId, lang)}</td><td>${a.fields.verifiedAt}</td></tr>`,
  )}</tbody></table></div>`
}
${
  system.changed.length > 0 &&
  h`<h3>${t.changed}</h3>
${system.changed.map(
  (
    unit,
  ) => h`<div class="table-scroll" role="region" aria-label="${t.changeCaption(unit.name)}" tabindex="0"><table>
<caption>${t.changeCaption(unit.name)}</caption>
<thead><tr>${t.changeHead.map((cell) => h`<th scope="col">${cell}</th>`)}</tr></thead>
<tbody>${unit.changes.map(
    (change) =>
      h`<tr><th scope="row">${COLUMN_OF_FIELD[change.field] ?? change.field}</th><td class="value"><del>${showValue(change.from, lang)}</del></td><td class="value"><ins>${showValue(change.to, lang)}</ins></td></tr>`,
  )}</tbody></table></div>`,
)}`
}
${
  system.ended.length > 0 &&
  h`<h3>${t.ended}</h3><p>${t.endedNote}</p><ul>${system.ended.map((u) => h`<li>${u.name}</li>`)}</ul>`
}
${
  system.unchanged.length > 0 &&
  h`<details><summary>${t.unchangedList(system.unchanged.length)}</summary><ul>${system.unchanged.map((u) => h`<li>${u.name}</li>`)}</ul></details>`
}
</section>`;
}

/** The import's guard: how many units publishing ends, where, and why the editor must confirm it. */
function endingWarning(lang: Lang, ending: EndingToConfirm): Html {
  const t = TEXT[lang];
  const inSystems = ending.systems.reduce((sum, s) => sum + s.ending, 0);
  return h`<div class="notice warning" id="ending-warning">
${ending.systems.map((s) => h`<p><strong>${t.ending(s.ending, s.activeBefore, serviceLabel(s.service, lang))}</strong></p>`)}
${ending.ending > inSystems && h`<p>${t.endingTotal(ending.ending)}</p>`}
<p>${t.endingCheck}</p>
</div>`;
}

/** What publishing would do, system by system, and the "Publicera" form that applies exactly this file. */
export function renderPreview(
  lang: Lang,
  session: EditorSession,
  options: {
    fileName: string;
    sha256: string;
    systems: readonly SystemPreview[];
    changesAnything: boolean;
    /** Set when publishing ends so many units that the editor must confirm the count. */
    ending: EndingToConfirm | null;
    readAs: string | null;
    maxBytes: number;
    /** Publicera was pressed without the confirmation (or with another count). */
    confirmMissing?: boolean;
  },
): Html {
  const t = TEXT[lang];
  const title = options.changesAnything ? t.previewTitle : t.nothing;
  const ending = options.ending;
  const checkbox = `confirm-${CONFIRM_ENDING_FIELD}`;
  return renderPage(
    frame(lang, session, title),
    h`<h1>${title}</h1>
${
  options.confirmMissing &&
  ending &&
  h`<div class="error-summary" role="alert"><p><a href="#${checkbox}">${t.endingMissing(ending.ending)}</a></p></div>`
}
${t.previewIntro(options.fileName)}
${readAsLine(lang, options.readAs)}
${ending && endingWarning(lang, ending)}
${options.systems.map((system) => systemSection(lang, system))}
${
  options.changesAnything
    ? h`<h2 id="publish">${t.publishHeading}</h2>
<p>${t.publishIntro}</p>
<form method="post" action="${PATHS.publish}">
${formTokenField(session)}
<input type="hidden" name="review" value="${options.sha256}">
${
  ending &&
  h`<p><input type="checkbox" id="${checkbox}" name="${CONFIRM_ENDING_FIELD}" value="${ending.ending}" required aria-describedby="ending-warning"${options.confirmMissing ? h` aria-invalid="true"` : ''}><label class="inline" for="${checkbox}">${t.endingLabel(ending.ending)}</label></p>`
}
<p><button type="submit">${t.publishButton}</button></p>
</form>`
    : h`<p class="notice">${t.nothingIntro}</p>`
}
<h2>${t.otherFile}</h2>
${uploadForm(lang, session, { maxBytes: options.maxBytes })}`,
  );
}

/** Publishing refused: no reviewed file for this session ("gone"), or the register moved on ("stale"). */
export function renderNotPublished(
  lang: Lang,
  session: EditorSession,
  options: { reason: 'gone' | 'stale'; maxBytes: number },
): Html {
  const t = TEXT[lang];
  const title = options.reason === 'stale' ? t.staleTitle : t.goneTitle;
  return renderPage(
    frame(lang, session, title),
    h`<h1>${title}</h1>
<div class="notice warning" role="alert"><p>${options.reason === 'stale' ? t.stale : t.gone}</p></div>
${uploadForm(lang, session, { maxBytes: options.maxBytes })}`,
  );
}

/** The units touched by a publish that the summary links to, each with its public history. */
export const HISTORY_LINKS = 50;

/** After "Publicera": what was done, where the public list is, and the history of the units touched. */
export function renderPublished(
  lang: Lang,
  session: EditorSession,
  options: { summary: ImportSummary; names: ReadonlyMap<string, string>; at: string },
): Html {
  const t = TEXT[lang];
  const code = session.editor.huvudman;
  const plural = huvudmanKind(code) === 'region' ? 'regioner' : 'kommuner';
  const touched = options.summary.changes;
  return renderPage(
    frame(lang, session, t.publishedTitle),
    h`<h1>${t.publishedTitle}</h1>
<div class="notice success" role="status"><p>${t.publishedIntro(options.at)}</p></div>
${options.summary.systems.map((s) => {
  const service = serviceLabel(s.service, lang);
  return h`<h2>${service}</h2>
<dl class="counts">
<dt>${t.counts.added}</dt><dd>${s.added}</dd>
<dt>${t.counts.changed}</dt><dd>${s.changed}</dd>
<dt>${t.counts.ended}</dt><dd>${s.ended}</dd>
<dt>${t.counts.unchanged}</dt><dd>${s.unchanged}</dd>
</dl>
<p><a href="/v1/${plural}/${s.huvudman}/units?service=${s.service}">${t.publicList(service)}</a> (<a href="/v1/${plural}/${s.huvudman}/units.csv?service=${s.service}">${t.publicCsv}</a>)</p>`;
})}
${
  touched.length > 0 &&
  h`<h2>${t.historyHeading}</h2>
${t.historyIntro}
<ul>${touched
    .slice(0, HISTORY_LINKS)
    .map(
      (c) =>
        h`<li><a href="/v1/units/${c.unitId}/history">${options.names.get(c.unitId) ?? c.unitId}</a> (${t.kinds[c.kind]})</li>`,
    )}</ul>
${touched.length > HISTORY_LINKS && h`<p>${t.historyMore(touched.length - HISTORY_LINKS)}</p>`}`
}`,
  );
}
