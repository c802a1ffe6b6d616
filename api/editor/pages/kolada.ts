import { compareSwedish } from '../../../shared/domain';
import type { loadKoladaState } from '../../queries/editor-kolada';
import { type Html, h, idFor } from '../html';
import { formatTime, type Lang, type Texts } from '../language';
import { PATHS } from '../paths';
import type { EditorSession } from '../session';
import { serviceLabel } from './home';
import { formTokenField, renderPage } from './layout';

type KoladaState = Awaited<ReturnType<typeof loadKoladaState>>;
export type KoladaNotice = { kind: 'linked' | 'dismissed' | 'restored'; ou: string } | null;
export type KoladaError = 'unknownOu' | 'unknownUnit' | 'problems' | null;

const TEXT: Texts<{
  title: string;
  intro: Html;
  region: string;
  lastRun: (at: string, outcome: string) => string;
  outcomes: Record<'synced' | 'failed' | 'skipped', string>;
  noRun: string;
  toLink: (n: number) => string;
  noneToLink: string;
  reasons: { no_match: string; ambiguous: (names: string) => string };
  ouLine: (service: string, ou: string) => string;
  unitLabel: string;
  chooseUnit: string;
  currentOu: (ou: string) => string;
  link: string;
  dismiss: string;
  noUnits: string;
  linked: (n: number) => string;
  noneLinked: string;
  linkedCaption: string;
  linkedHead: [string, string, string, string];
  methods: Record<'register' | 'name' | 'kolada', string>;
  pending: string;
  pendingIntro: string;
  pendingHead: [string, string];
  dismissed: (n: number) => string;
  dismissedHead: [string, string, string];
  dismissedBy: (by: string, at: string) => string;
  restore: string;
  notices: Record<'linked' | 'dismissed' | 'restored', (ou: string) => string>;
  errors: Record<Exclude<KoladaError, null>, string>;
  attribution: string;
}> = {
  sv: {
    title: 'Kolada-kopplingar',
    intro: h`<p>Kolada publicerar resultaten från Socialstyrelsens enkäter per enhet (OU). En utförare får sina resultat från den enhet den är kopplad till. En koppling som ni gör här skrivs in i registret (kolumnen <code>kolada_ou</code>) med historik, och gäller från nästa synkning med Kolada. En enhet som inte är er, till exempel en annan kommuns, kan ni markera som inte er.</p>`,
    region: 'Kolada har inga resultat per vårdcentral, så för en region finns inget att koppla.',
    lastRun: (at, outcome) => `Senaste synkning med Kolada: ${at}, ${outcome}.`,
    outcomes: {
      synced: 'klar',
      failed: 'misslyckades (förra uppgifterna finns kvar)',
      skipped: 'hoppades över',
    },
    noRun: 'Ingen synkning med Kolada har körts för kommunen ännu.',
    toLink: (n) => `Att koppla (${n})`,
    noneToLink: 'Inga enheter från Kolada väntar på koppling.',
    reasons: {
      no_match: 'Ingen utförare i registret har ett namn som liknar enhetens.',
      ambiguous: (names) => `Flera utförare kan vara den: ${names}.`,
    },
    ouLine: (service, ou) => `${service}, Koladas id ${ou}`,
    unitLabel: 'Utförare i registret',
    chooseUnit: 'Välj utförare',
    currentOu: (ou) => `nu kopplad till ${ou}`,
    link: 'Koppla',
    dismiss: 'Inte vår enhet',
    noUnits: 'Registret har inga aktiva utförare för den här tjänsten.',
    linked: (n) => `Kopplade (${n})`,
    noneLinked: 'Inga utförare är kopplade till Kolada ännu.',
    linkedCaption: 'Utförare och den enhet i Kolada de får resultat från',
    linkedHead: ['Enhet i Kolada', 'Utförare', 'Kopplad genom', 'Sedan'],
    methods: {
      register: 'registret (kolada_ou)',
      name: 'namnet',
      kolada: 'Koladas lista (ingen registerenhet)',
    },
    pending: 'Väntar på nästa synkning',
    pendingIntro:
      'Registret anger en enhet i Kolada för de här utförarna, men synkningen har inte läst den ännu.',
    pendingHead: ['Utförare', 'kolada_ou'],
    dismissed: (n) => `Inte våra (${n})`,
    dismissedHead: ['Enhet i Kolada', 'Markerad', 'Ångra'],
    dismissedBy: (by, at) => `av ${by}, ${at}`,
    restore: 'Ångra',
    notices: {
      linked: (ou) =>
        `${ou} är kopplad. Ändringen finns i registret och historiken och gäller från nästa synkning.`,
      dismissed: (ou) => `${ou} är markerad som inte er.`,
      restored: (ou) => `${ou} väntar på koppling igen.`,
    },
    errors: {
      unknownOu:
        'Enheten finns inte bland de enheter som väntar på koppling (en synkning kan ha kopplat den). Ingenting har ändrats.',
      unknownUnit: 'Välj en av utförarna i listan. Ingenting har ändrats.',
      problems: 'Registret kunde inte skrivas om med kopplingen. Ingenting har ändrats.',
    },
    attribution: 'Källa: Kolada.',
  },
  en: {
    title: 'Kolada links',
    intro: h`<p>Kolada publishes the results of Socialstyrelsen's surveys per survey unit (OU). A provider gets its results from the unit it is linked to. A link you make here is written into the register (the <code>kolada_ou</code> column) with history, and takes effect at the next sync with Kolada. A unit that is not yours, such as another kommun's, can be marked as not yours.</p>`,
    region: 'Kolada has no results per primary-care centre, so there is nothing to link for a region.',
    lastRun: (at, outcome) => `Last sync with Kolada: ${at}, ${outcome}.`,
    outcomes: { synced: 'done', failed: 'failed (the previous data stays)', skipped: 'skipped' },
    noRun: 'No sync with Kolada has run for the kommun yet.',
    toLink: (n) => `To link (${n})`,
    noneToLink: 'No Kolada units are waiting to be linked.',
    reasons: {
      no_match: "No provider in the register has a name like the unit's.",
      ambiguous: (names) => `Several providers could be meant: ${names}.`,
    },
    ouLine: (service, ou) => `${service}, Kolada id ${ou}`,
    unitLabel: 'Provider in the register',
    chooseUnit: 'Choose a provider',
    currentOu: (ou) => `now linked to ${ou}`,
    link: 'Link',
    dismiss: 'Not our unit',
    noUnits: 'The register has no active providers for this service.',
    linked: (n) => `Linked (${n})`,
    noneLinked: 'No providers are linked to Kolada yet.',
    linkedCaption: 'Providers and the Kolada unit they get their results from',
    linkedHead: ['Kolada unit', 'Provider', 'Linked by', 'Since'],
    methods: {
      register: 'the register (kolada_ou)',
      name: 'the name',
      kolada: "Kolada's list (no register unit)",
    },
    pending: 'Waiting for the next sync',
    pendingIntro: 'The register names a Kolada unit for these providers, but the sync has not read it yet.',
    pendingHead: ['Provider', 'kolada_ou'],
    dismissed: (n) => `Not ours (${n})`,
    dismissedHead: ['Kolada unit', 'Marked', 'Undo'],
    dismissedBy: (by, at) => `by ${by}, ${at}`,
    restore: 'Undo',
    notices: {
      linked: (ou) =>
        `${ou} is linked. The change is in the register and the history and takes effect at the next sync.`,
      dismissed: (ou) => `${ou} is marked as not yours.`,
      restored: (ou) => `${ou} is waiting to be linked again.`,
    },
    errors: {
      unknownOu:
        'The unit is not among those waiting to be linked (a sync may have linked it). Nothing has changed.',
      unknownUnit: 'Choose one of the providers in the list. Nothing has changed.',
      problems: 'The register could not be rewritten with the link. Nothing has changed.',
    },
    attribution: 'Source: Kolada.',
  },
};

export function renderKolada(
  lang: Lang,
  session: EditorSession,
  state: KoladaState | null,
  options: { notice?: KoladaNotice; error?: KoladaError } = {},
): Html {
  const t = TEXT[lang];
  const frame = { lang, title: t.title, here: PATHS.kolada, session, section: 'kolada' as const };
  if (!state) return renderPage(frame, h`<h1>${t.title}</h1><p>${t.region}</p>`);
  const toLink = [...state.toLink].sort((a, b) => compareSwedish(a.title, b.title));
  const links = [...state.links].sort((a, b) => compareSwedish(a.unitName, b.unitName));
  const unitsBy = (service: string) =>
    state.units.filter((u) => u.service === service).sort((a, b) => compareSwedish(a.name, b.name));
  const run = state.lastRun;
  return renderPage(
    frame,
    h`<h1>${t.title}</h1>
${options.notice && h`<div class="notice success" role="status"><p>${t.notices[options.notice.kind](options.notice.ou)}</p></div>`}
${options.error && h`<div class="error-summary" role="alert"><p>${t.errors[options.error]}</p></div>`}
${t.intro}
<p>${run ? t.lastRun(formatTime(run.finishedAt), t.outcomes[run.outcome]) : t.noRun}</p>
<h2>${t.toLink(toLink.length)}</h2>
${toLink.length === 0 ? h`<p>${t.noneToLink}</p>` : ''}
${toLink.map((ou) => {
  const id = idFor('ou', ou.ou);
  const candidates = unitsBy(ou.service);
  return h`<section class="ou" aria-labelledby="${id}">
<h3 id="${id}">${ou.title}</h3>
<p>${t.ouLine(serviceLabel(ou.service, lang), ou.ou)}. ${ou.reason === 'ambiguous' ? t.reasons.ambiguous(ou.candidates.join(', ')) : t.reasons.no_match}</p>
${
  candidates.length === 0
    ? h`<p>${t.noUnits}</p>`
    : h`<form method="post" action="${PATHS.koladaLink}" class="inline-form">
${formTokenField(session)}
<input type="hidden" name="ou" value="${ou.ou}">
<label for="${id}-unit">${t.unitLabel}</label>
<select id="${id}-unit" name="unitId" required>
<option value="">${t.chooseUnit}</option>
${candidates.map((u) => h`<option value="${u.id}">${u.name}${u.koladaOu.length > 0 ? ` (${t.currentOu(u.koladaOu.join(', '))})` : ''}</option>`)}
</select>
<button type="submit" aria-describedby="${id}">${t.link}</button>
</form>`
}
<form method="post" action="${PATHS.koladaDismiss}" class="inline-form">
${formTokenField(session)}
<input type="hidden" name="ou" value="${ou.ou}">
<button type="submit" class="secondary" aria-describedby="${id}">${t.dismiss}</button>
</form>
</section>`;
})}
<h2>${t.linked(links.length)}</h2>
${
  links.length === 0
    ? h`<p>${t.noneLinked}</p>`
    : h`<div class="table-scroll" role="region" aria-label="${t.linkedCaption}" tabindex="0"><table>
<caption>${t.linkedCaption}</caption>
<thead><tr>${t.linkedHead.map((c) => h`<th scope="col">${c}</th>`)}</tr></thead>
<tbody>${links.map(
        (l) =>
          h`<tr><td>${l.ouTitle ?? ''} <span class="value">${l.ou}</span></td><th scope="row">${l.unitName}</th><td>${t.methods[l.method]}</td><td>${formatTime(l.linkedAt)}</td></tr>`,
      )}</tbody></table></div>`
}
${
  state.pending.length > 0 &&
  h`<h2>${t.pending}</h2><p>${t.pendingIntro}</p>
<div class="table-scroll" role="region" aria-label="${t.pending}" tabindex="0"><table>
<caption>${t.pending}</caption>
<thead><tr>${t.pendingHead.map((c) => h`<th scope="col">${c}</th>`)}</tr></thead>
<tbody>${state.pending.map((u) => h`<tr><th scope="row">${u.name}</th><td class="value">${u.koladaOu}</td></tr>`)}</tbody></table></div>`
}
${
  state.dismissed.length > 0 &&
  h`<h2>${t.dismissed(state.dismissed.length)}</h2>
<div class="table-scroll" role="region" aria-label="${t.dismissed(state.dismissed.length)}" tabindex="0"><table>
<caption>${t.dismissed(state.dismissed.length)}</caption>
<thead><tr>${t.dismissedHead.map((c) => h`<th scope="col">${c}</th>`)}</tr></thead>
<tbody>${state.dismissed.map((d) => {
    const id = idFor('dismissed', d.ou);
    return h`<tr><th scope="row" id="${id}">${d.seen?.title ?? ''} <span class="value">${d.ou}</span></th><td>${t.dismissedBy(d.dismissedBy, formatTime(d.dismissedAt))}</td><td><form method="post" action="${PATHS.koladaRestore}" class="inline-form">${formTokenField(session)}<input type="hidden" name="ou" value="${d.ou}"><button type="submit" class="secondary" aria-describedby="${id}">${t.restore}</button></form></td></tr>`;
  })}</tbody></table></div>`
}
<p>${t.attribution}</p>`,
  );
}
