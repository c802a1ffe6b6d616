import type { RegisterProblem } from '../../../shared/register';
import type { FiguresSummary } from '../../figures/import';
import type { FiguresFileInfo } from '../../figures/read';
import { XLSX_MEDIA_TYPE } from '../../register/upload';
import type { FigureLine, FiguresPreviewView } from '../figures-publishing';
import { type Html, h } from '../html';
import type { Lang, Texts } from '../language';
import { PATHS } from '../paths';
import type { EditorSession } from '../session';
import { formTokenField, renderPage } from './layout';
import { count, showValue } from './values';

/** What the file field offers: what the figures reader reads (CSV, XLSX, JSON). */
const ACCEPTED = `.csv,.txt,.json,.xlsx,text/csv,text/plain,application/json,${XLSX_MEDIA_TYPE}`;

export type FiguresUploadError = 'noFile' | 'tooLarge' | null;

const TEXT: Texts<{
  title: string;
  intro: Html;
  label: string;
  hint: (mb: number) => string;
  button: string;
  errors: Record<Exclude<FiguresUploadError, null>, (mb: number) => string>;
  readAs: (file: FiguresFileInfo) => string;
  problemsTitle: (n: number) => string;
  problemsIntro: string;
  problemsCapped: (listed: number, total: number) => string;
  problemsHead: [string, string, string, string];
  wholeFile: string;
  tryAgain: string;
  previewTitle: string;
  setsCaption: string;
  setsHead: [string, string, string, string, string, string, string];
  riket: string;
  huvudman: (name: string) => string;
  changesCaption: string;
  changesHead: [string, string, string, string, string];
  kinds: Record<FigureLine['kind'], string>;
  withheld: string;
  nothing: string;
  publishHeading: string;
  publishIntro: string;
  publishButton: string;
  goneTitle: string;
  gone: string;
  staleTitle: string;
  stale: string;
  publishedTitle: string;
  published: (s: FiguresSummary) => string;
  history: Html;
}> = {
  sv: {
    title: 'Indikatorvärden',
    intro: h`<p>Här lämnar ni siffror om era enheter, till exempel vårdcentralernas resultat i Nationell Patientenkät, i formatet indikatorvärden v1 (beskrivet i <code>docs/figures-format.md</code>). Varje siffra visas med källa, period och antal svarande, bredvid regionens och rikets siffra för samma mått och period. En siffra från för få svarande visas aldrig.</p>
<p>Filen är hela mängden av siffror för varje kombination av indikator och period som den innehåller: en siffra som fanns förut och saknas i filen tas bort. Varje enhet måste finnas i ert register (med HSA-id, Kolada-id eller registrets id). Rikets siffra i er fil visas bara bredvid era egna enheter.</p>`,
    label: 'Fil med indikatorvärden',
    hint: (mb) =>
      `En Excel-arbetsbok (.xlsx: bladet ”Indikatorvärden”, annars det första), en CSV-fil med semikolon eller komma, eller JSON. Högst ${mb} MB.`,
    button: 'Granska',
    errors: {
      noFile: () => 'Välj en fil med indikatorvärden att granska.',
      tooLarge: (mb) => `Filen är större än ${mb} MB. Dela upp den per indikator.`,
    },
    readAs: (f) =>
      `Filen lästes som ${f.format === 'xlsx' ? `Excel-arbetsbok, bladet ”${f.sheet ?? ''}”` : (f.format ?? 'okänt format').toUpperCase()}.`,
    problemsTitle: (n) => `Filen har ${count(n, 'fel', 'fel')}`,
    problemsIntro: 'Ingenting har sparats. Rätta felen i filen och granska den igen.',
    problemsCapped: (listed, total) => `De första ${listed} av ${total} fel visas.`,
    problemsHead: ['Rad', 'Kolumn', 'Värde', 'Fel'],
    wholeFile: 'hela filen',
    tryAgain: 'Granska filen igen',
    previewTitle: 'Granska indikatorvärden',
    setsCaption: 'Vad filen ersätter, per indikator och period',
    setsHead: ['Vems', 'Indikator', 'Period', 'Nya', 'Ändrade', 'Borttagna', 'Oförändrade'],
    riket: 'Riket',
    huvudman: (name) => `${name}, jämförelsesiffra`,
    changesCaption: 'Siffror som ändras',
    changesHead: ['Enhet', 'Indikator', 'Period', 'Före', 'Efter'],
    kinds: { added: 'ny', changed: 'ändrad', removed: 'tas bort' },
    withheld: 'för få svarande, visas inte',
    nothing: 'Filen ändrar ingenting: alla siffror är redan publicerade så här.',
    publishHeading: 'Publicera',
    publishIntro:
      'Publicera sparar exakt den granskade filen. Ändringarna syns då i den öppna listan och i historiken.',
    publishButton: 'Publicera',
    goneTitle: 'Granska filen igen',
    gone: 'Det finns ingen granskad fil med indikatorvärden att publicera (du har granskat en annan fil sedan, redan publicerat den eller loggat in igen). Ingenting har sparats.',
    staleTitle: 'Siffrorna har ändrats sedan granskningen',
    stale:
      'Någon annan har ändrat siffrorna eller registret sedan du granskade filen. Ingenting har sparats. Granska filen igen.',
    publishedTitle: 'Indikatorvärdena är publicerade',
    published: (s) =>
      `${s.added} nya, ${s.changed} ändrade, ${s.removed} borttagna och ${s.unchanged} oförändrade siffror.`,
    history: h`<p>Varje ändrad siffra finns under <a href="${PATHS.changes}">Ändringar</a>, med tid, nyckelns namn och siffran före och efter.</p>`,
  },
  en: {
    title: 'Figures',
    intro: h`<p>Here you send figures about your units, such as your vårdcentraler's results in the national patient survey, in the indikatorvärden v1 format (described, in Swedish, in <code>docs/figures-format.md</code>). Each figure is shown with its source, period and respondents, beside the region's and the country's figure of the same measure and period. A figure from too few respondents is never shown.</p>
<p>The file is the complete set of figures for each indicator and period it contains: a figure stored before and missing from the file is removed. Every unit must be in your register (by HSA id, Kolada id or the register's id). The country's figure in your file is shown beside your own units only.</p>`,
    label: 'Figures file',
    hint: (mb) =>
      `An Excel workbook (.xlsx: the sheet “Indikatorvärden”, else the first), a CSV file with semicolons or commas, or JSON. At most ${mb} MB.`,
    button: 'Review',
    errors: {
      noFile: () => 'Choose a figures file to review.',
      tooLarge: (mb) => `The file is larger than ${mb} MB. Split it by indicator.`,
    },
    readAs: (f) =>
      `The file was read as ${f.format === 'xlsx' ? `an Excel workbook, sheet “${f.sheet ?? ''}”` : (f.format ?? 'unknown format').toUpperCase()}.`,
    problemsTitle: (n) => `The file has ${count(n, 'problem', 'problems')}`,
    problemsIntro: 'Nothing has been saved. Correct the problems in the file and review it again.',
    problemsCapped: (listed, total) => `The first ${listed} of ${total} problems are listed.`,
    problemsHead: ['Line', 'Column', 'Value', 'Problem'],
    wholeFile: 'whole file',
    tryAgain: 'Review the file again',
    previewTitle: 'Review figures',
    setsCaption: 'What the file replaces, by indicator and period',
    setsHead: ['Whose', 'Indicator', 'Period', 'New', 'Changed', 'Removed', 'Unchanged'],
    riket: 'The country',
    huvudman: (name) => `${name}, comparison figure`,
    changesCaption: 'Figures that change',
    changesHead: ['Unit', 'Indicator', 'Period', 'Before', 'After'],
    kinds: { added: 'new', changed: 'changed', removed: 'removed' },
    withheld: 'too few respondents, not shown',
    nothing: 'The file changes nothing: every figure is already published like this.',
    publishHeading: 'Publish',
    publishIntro:
      'Publish saves exactly the reviewed file. The changes then show in the public list and in the history.',
    publishButton: 'Publish',
    goneTitle: 'Review the file again',
    gone: 'There is no reviewed figures file to publish for this session (you have reviewed another file since, already published it, or signed in again). Nothing has been saved.',
    staleTitle: 'The figures have changed since your review',
    stale:
      'Someone else has changed the figures or the register since you reviewed the file. Nothing has been saved. Review the file again.',
    publishedTitle: 'The figures are published',
    published: (s) =>
      `${s.added} new, ${s.changed} changed, ${s.removed} removed and ${s.unchanged} unchanged figures.`,
    history: h`<p>Every changed figure is under <a href="${PATHS.changes}">Changes</a>, with the time, the key's name and the figure before and after.</p>`,
  },
};

const frame = (lang: Lang, session: EditorSession, title: string) => ({
  lang,
  title,
  here: PATHS.figures,
  session,
  section: 'figures' as const,
});

function uploadForm(lang: Lang, session: EditorSession, maxBytes: number, error?: FiguresUploadError): Html {
  const t = TEXT[lang];
  const mb = Math.round(maxBytes / (1024 * 1024));
  const message = error ? t.errors[error](mb) : null;
  return h`<form method="post" action="${PATHS.figuresReview}" enctype="multipart/form-data">
${formTokenField(session)}
<label for="file">${t.label}</label>
<p class="hint" id="file-hint">${t.hint(mb)}</p>
${message && h`<p class="error" id="file-error">${message}</p>`}
<input type="file" id="file" name="file" accept="${ACCEPTED}" required aria-describedby="${message ? 'file-hint file-error' : 'file-hint'}"${message ? h` aria-invalid="true"` : ''}>
<p><button type="submit">${t.button}</button></p>
</form>`;
}

export function renderFigures(
  lang: Lang,
  session: EditorSession,
  options: { maxBytes: number; error?: FiguresUploadError },
): Html {
  const t = TEXT[lang];
  return renderPage(
    frame(lang, session, t.title),
    h`<h1>${t.title}</h1>
${t.intro}
${uploadForm(lang, session, options.maxBytes, options.error)}`,
  );
}

export function renderFiguresProblems(
  lang: Lang,
  session: EditorSession,
  options: {
    fileName: string;
    problems: readonly RegisterProblem[];
    problemCount: number;
    readAs: FiguresFileInfo;
    maxBytes: number;
  },
): Html {
  const t = TEXT[lang];
  const title = t.problemsTitle(options.problemCount);
  return renderPage(
    frame(lang, session, title),
    h`<h1>${title}</h1>
<div class="error-summary" role="alert" aria-labelledby="problems-heading">
<h2 id="problems-heading">${options.fileName}</h2>
<p>${t.problemsIntro}</p>
${options.problemCount > options.problems.length && h`<p>${t.problemsCapped(options.problems.length, options.problemCount)}</p>`}
</div>
${options.readAs.format && h`<p>${t.readAs(options.readAs)}</p>`}
<div class="table-scroll" role="region" aria-label="${t.problemsTitle(options.problemCount)}" tabindex="0"><table class="problems">
<thead><tr>${t.problemsHead.map((cell) => h`<th scope="col">${cell}</th>`)}</tr></thead>
<tbody>
${options.problems.map(
  (p) => h`<tr>
<td>${p.line ?? t.wholeFile}</td>
<td>${p.column ?? ''}</td>
<td class="value">${p.value === undefined ? '' : showValue(p.value, lang)}</td>
<td lang="sv">${p.message}</td>
</tr>`,
)}
</tbody></table></div>
<h2>${t.tryAgain}</h2>
${uploadForm(lang, session, options.maxBytes)}`,
  );
}

const decimal = (value: number | null, lang: Lang): Html =>
  value === null ? showValue(null, lang) : h`${String(value).replace('.', ',')}`;

export function renderFiguresPreview(
  lang: Lang,
  session: EditorSession,
  options: FiguresPreviewView & { fileName: string; sha256: string; maxBytes: number },
): Html {
  const t = TEXT[lang];
  const whose = (huvudman: string) =>
    huvudman === 'riket' ? t.riket : huvudman === session.editor.huvudman ? session.huvudmanName : huvudman;
  return renderPage(
    frame(lang, session, t.previewTitle),
    h`<h1>${t.previewTitle}</h1>
<p><strong>${options.fileName}</strong>. ${t.readAs(options.readAs)}</p>
<div class="table-scroll" role="region" aria-label="${t.setsCaption}" tabindex="0"><table>
<caption>${t.setsCaption}</caption>
<thead><tr>${t.setsHead.map((cell) => h`<th scope="col">${cell}</th>`)}</tr></thead>
<tbody>
${options.sets.map(
  (s) =>
    h`<tr><td>${whose(s.huvudman)}</td><td>${s.label}</td><td>${s.period}</td><td>${s.added}</td><td>${s.changed}</td><td>${s.removed}</td><td>${s.unchanged}</td></tr>`,
)}
</tbody></table></div>
${
  options.changesAnything
    ? h`<div class="table-scroll" role="region" aria-label="${t.changesCaption}" tabindex="0"><table>
<caption>${t.changesCaption}</caption>
<thead><tr>${t.changesHead.map((cell) => h`<th scope="col">${cell}</th>`)}</tr></thead>
<tbody>
${options.lines.map(
  (l) =>
    h`<tr><td>${'unit' in l.who ? l.who.unit : l.who.area === 'riket' ? t.riket : t.huvudman(session.huvudmanName)} (${t.kinds[l.kind]})</td><td>${l.indicator}</td><td>${l.period}</td><td>${decimal(l.before, lang)}</td><td>${l.withheld ? h`<span class="empty">(${t.withheld})</span>` : decimal(l.after, lang)}</td></tr>`,
)}
</tbody></table></div>
<h2>${t.publishHeading}</h2>
<form method="post" action="${PATHS.figuresPublish}">
${formTokenField(session)}
<input type="hidden" name="review" value="${options.sha256}">
<p>${t.publishIntro}</p>
<p><button type="submit">${t.publishButton}</button></p>
</form>`
    : h`<p>${t.nothing}</p>`
}
<h2>${t.tryAgain}</h2>
${uploadForm(lang, session, options.maxBytes)}`,
  );
}

export function renderFiguresNotPublished(
  lang: Lang,
  session: EditorSession,
  options: { reason: 'gone' | 'stale'; maxBytes: number },
): Html {
  const t = TEXT[lang];
  const title = options.reason === 'gone' ? t.goneTitle : t.staleTitle;
  return renderPage(
    frame(lang, session, title),
    h`<h1>${title}</h1>
<p role="alert">${options.reason === 'gone' ? t.gone : t.stale}</p>
${uploadForm(lang, session, options.maxBytes)}`,
  );
}

export function renderFiguresPublished(lang: Lang, session: EditorSession, summary: FiguresSummary): Html {
  const t = TEXT[lang];
  return renderPage(
    frame(lang, session, t.publishedTitle),
    h`<h1>${t.publishedTitle}</h1>
<p role="status">${t.published(summary)}</p>
${t.history}`,
  );
}
