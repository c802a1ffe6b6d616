import { type Html, h } from '../html';
import type { Lang, Texts } from '../language';
import { PATHS } from '../paths';
import { renderPage } from './layout';

export type SignInError = 'wrong' | 'missing' | null;

const TEXT: Texts<{
  title: string;
  intro: Html;
  label: string;
  hint: string;
  button: string;
  errors: Record<Exclude<SignInError, null>, string>;
  errorHeading: string;
  session: (idleMinutes: number, hours: number) => string;
  signedOut: string;
}> = {
  sv: {
    title: 'Logga in',
    intro: h`<p>Här håller kommunens eller regionens redaktörer utförarregistret aktuellt: publicera en ny version från kalkylbladet, koppla enheter till Koladas resultat, läs rapporter från användare och se vad som har ändrats.</p>`,
    label: 'Inloggningsnyckel',
    hint: 'Nyckeln börjar med uk_. Du får den av den som driver Utförarkollen för er kommun eller region.',
    button: 'Logga in',
    errorHeading: 'Det gick inte att logga in',
    errors: {
      wrong:
        'Inloggningsnyckeln stämmer inte, eller har dragits tillbaka. Kontrollera att hela nyckeln kom med.',
      missing: 'Skriv eller klistra in din inloggningsnyckel.',
    },
    session: (idle, hours) =>
      `Inloggningen sparas i en kaka som bara redaktörssidan kan läsa. Den slutar gälla efter ${idle} minuter utan aktivitet, senast efter ${hours} timmar, och när du loggar ut.`,
    signedOut: 'Du är utloggad. Inloggningen är avslutad på servern.',
  },
  en: {
    title: 'Sign in',
    intro: h`<p>Here a kommun's or region's editors keep the provider register up to date: publish a new version from the spreadsheet, link units to Kolada's results, read reports from users and see what has changed.</p>`,
    label: 'Sign-in key',
    hint: 'The key starts with uk_. You get it from whoever runs Utförarkollen for your kommun or region.',
    button: 'Sign in',
    errorHeading: 'Could not sign in',
    errors: {
      wrong: 'The sign-in key is wrong or has been revoked. Check that the whole key was pasted.',
      missing: 'Type or paste your sign-in key.',
    },
    session: (idle, hours) =>
      `The sign-in is kept in a cookie only the editor pages can read. It ends after ${idle} minutes without activity, after ${hours} hours at most, and when you sign out.`,
    signedOut: 'You are signed out. The session has ended on the server.',
  },
};

export function renderSignIn(
  lang: Lang,
  options: { error: SignInError; idleMinutes: number; absoluteHours: number; signedOut?: boolean },
): Html {
  const t = TEXT[lang];
  const error = options.error && t.errors[options.error];
  const describedBy = error ? 'token-hint token-error' : 'token-hint';
  return renderPage(
    { lang, title: error ? `${t.errorHeading}: ${t.title}` : t.title, here: PATHS.home, session: null },
    h`<h1>${t.title}</h1>
${options.signedOut && h`<div class="notice success" role="status"><p>${t.signedOut}</p></div>`}
${t.intro}
${
  error &&
  h`<div class="error-summary" role="alert" aria-labelledby="error-heading">
<h2 id="error-heading">${t.errorHeading}</h2>
<p><a href="#token">${error}</a></p>
</div>`
}
<form method="post" action="${PATHS.signIn}">
<label for="token">${t.label}</label>
<p class="hint" id="token-hint">${t.hint}</p>
${error && h`<p class="error" id="token-error">${error}</p>`}
<input type="password" id="token" name="token" autocomplete="current-password" spellcheck="false" autocapitalize="none" required aria-describedby="${describedBy}"${error ? h` aria-invalid="true"` : ''}>
<p><button type="submit">${t.button}</button></p>
</form>
<p>${t.session(options.idleMinutes, options.absoluteHours)}</p>`,
  );
}
