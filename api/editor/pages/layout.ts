import { type Html, h } from '../html';
import type { Lang, Texts } from '../language';
import { PATHS } from '../paths';
import type { EditorSession } from '../session';

export type Section = 'home' | 'register' | 'figures' | 'kolada' | 'reports' | 'changes' | null;

const TEXT: Texts<{
  site: string;
  skip: string;
  nav: string;
  sections: Record<Exclude<Section, null>, string>;
  signedInAs: (token: Html, huvudman: Html) => Html;
  signOut: string;
  other: { lang: Lang; label: string };
  footer: Html;
}> = {
  sv: {
    site: 'Utförarkollen för redaktörer',
    skip: 'Till innehållet',
    nav: 'Redaktörssidan',
    sections: {
      home: 'Översikt',
      register: 'Registret',
      figures: 'Indikatorvärden',
      kolada: 'Kolada-kopplingar',
      reports: 'Rapporter',
      changes: 'Ändringar',
    },
    signedInAs: (token, huvudman) => h`Inloggad med nyckeln ${token} för ${huvudman}.`,
    signOut: 'Logga ut',
    other: { lang: 'en', label: 'In English' },
    footer: h`Nycklar skapas och dras tillbaka av den som driver Utförarkollen (<code>npm run token</code>). Sidan sparar ingenting i webbläsaren utom inloggningen och språkvalet.`,
  },
  en: {
    site: 'Utförarkollen for editors',
    skip: 'Skip to content',
    nav: 'Editor pages',
    sections: {
      home: 'Overview',
      register: 'Register',
      figures: 'Figures',
      kolada: 'Kolada links',
      reports: 'Reports',
      changes: 'Changes',
    },
    signedInAs: (token, huvudman) => h`Signed in with the key ${token} for ${huvudman}.`,
    signOut: 'Sign out',
    other: { lang: 'sv', label: 'På svenska' },
    footer: h`Keys are created and revoked by whoever runs Utförarkollen (<code>npm run token</code>). The page stores nothing in the browser except the sign-in and the language choice.`,
  },
};

const NAV: [Exclude<Section, null>, string][] = [
  ['home', PATHS.home],
  ['register', PATHS.register],
  ['figures', PATHS.figures],
  ['kolada', PATHS.kolada],
  ['reports', PATHS.reports],
  ['changes', PATHS.changes],
];

export interface PageFrame {
  lang: Lang;
  title: string;
  /** The GET address of this page, for the language link (a POST answer links to its form's page). */
  here: string;
  session: EditorSession | null;
  section?: Section;
}

/** The form that ends the session; it carries the session's form token like every other form. */
export function signOutForm(lang: Lang, session: EditorSession): Html {
  return h`<form method="post" action="${PATHS.signOut}" class="sign-out">
<input type="hidden" name="_csrf" value="${session.formToken}">
<button type="submit">${TEXT[lang].signOut}</button>
</form>`;
}

/** The hidden field every state-changing form of a session carries. */
export function formTokenField(session: EditorSession): Html {
  return h`<input type="hidden" name="_csrf" value="${session.formToken}">`;
}

/** One whole page: header (who is signed in, navigation, language), main content, footer. */
export function renderPage(frame: PageFrame, main: Html): Html {
  const t = TEXT[frame.lang];
  const separator = frame.here.includes('?') ? '&' : '?';
  const session = frame.session;
  return h`<!doctype html>
<html lang="${frame.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${frame.title} – ${t.site}</title>
<link rel="stylesheet" href="${PATHS.style}">
</head>
<body>
<a class="skip" href="#main">${t.skip}</a>
<header class="site">
<div class="bar">
<p class="brand"><a href="${PATHS.home}">${t.site}</a></p>
<p class="language"><a href="${frame.here}${separator}lang=${t.other.lang}" lang="${t.other.lang}" hreflang="${t.other.lang}">${t.other.label}</a></p>
</div>
${
  session &&
  h`<div class="who">
<p>${t.signedInAs(h`<strong>${session.editor.name}</strong>`, h`<strong>${session.huvudmanName} (${session.editor.huvudman})</strong>`)}</p>
${signOutForm(frame.lang, session)}
</div>
<nav aria-label="${t.nav}"><ul>
${NAV.map(
  ([id, path]) =>
    h`<li><a href="${path}"${id === frame.section ? h` aria-current="page"` : ''}>${t.sections[id]}</a></li>`,
)}
</ul></nav>`
}
</header>
<main id="main" tabindex="-1">
${main}
</main>
<footer class="site"><p>${t.footer}</p></footer>
</body>
</html>`;
}
