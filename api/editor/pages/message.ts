import { type Html, h } from '../html';
import type { Lang, Texts } from '../language';
import { PATHS } from '../paths';
import type { EditorSession } from '../session';
import { renderPage } from './layout';

export type MessageKind =
  | 'crossOrigin'
  | 'signedOut'
  | 'formToken'
  | 'notFound'
  | 'tooManyAttempts'
  | 'unavailable'
  | 'error';

type Message = { title: string; body: Html };

const TEXT: Texts<Record<MessageKind, Message>> = {
  sv: {
    crossOrigin: {
      title: 'Förfrågan stoppades',
      body: h`<p>Redaktörssidan tar bara emot sina egna formulär, skickade från den här webbplatsen. Förfrågan kom från en annan webbplats eller var inget formulär, så ingenting har ändrats.</p><p><a href="${PATHS.home}">Till redaktörssidan</a></p>`,
    },
    signedOut: {
      title: 'Du är inte inloggad',
      body: h`<p>Inloggningen har gått ut eller avslutats, så ingenting har ändrats. Logga in igen och gör om det du höll på med.</p><p><a href="${PATHS.home}">Logga in</a></p>`,
    },
    formToken: {
      title: 'Formuläret är för gammalt',
      body: h`<p>Formuläret hör till en tidigare inloggning, så ingenting har ändrats. Öppna sidan igen och skicka formuläret därifrån.</p><p><a href="${PATHS.home}">Till redaktörssidan</a></p>`,
    },
    notFound: {
      title: 'Sidan finns inte',
      body: h`<p>Det finns ingen sådan sida bland redaktörssidorna.</p><p><a href="${PATHS.home}">Till redaktörssidan</a></p>`,
    },
    tooManyAttempts: {
      title: 'För många försök',
      body: h`<p>Det har kommit för många felaktiga inloggningsnycklar från din adress. Vänta en minut och försök igen.</p>`,
    },
    unavailable: {
      title: 'Tillfälligt fel',
      body: h`<p>Databasen svarar inte just nu. Ingenting har ändrats; försök igen om en liten stund.</p>`,
    },
    error: {
      title: 'Något gick fel',
      body: h`<p>Något gick fel hos oss. Felet har loggats. Om du publicerade ett register: titta under Ändringar om det kom med innan du försöker igen.</p><p><a href="${PATHS.home}">Till redaktörssidan</a></p>`,
    },
  },
  en: {
    crossOrigin: {
      title: 'Request refused',
      body: h`<p>The editor pages accept only their own forms, sent from this site. The request came from another site or was not a form, so nothing has changed.</p><p><a href="${PATHS.home}">To the editor pages</a></p>`,
    },
    signedOut: {
      title: 'You are not signed in',
      body: h`<p>The session has expired or ended, so nothing has changed. Sign in again and redo what you were doing.</p><p><a href="${PATHS.home}">Sign in</a></p>`,
    },
    formToken: {
      title: 'The form is out of date',
      body: h`<p>The form belongs to an earlier session, so nothing has changed. Open the page again and send the form from there.</p><p><a href="${PATHS.home}">To the editor pages</a></p>`,
    },
    notFound: {
      title: 'No such page',
      body: h`<p>There is no such page among the editor pages.</p><p><a href="${PATHS.home}">To the editor pages</a></p>`,
    },
    tooManyAttempts: {
      title: 'Too many attempts',
      body: h`<p>Too many wrong sign-in keys have come from your address. Wait a minute and try again.</p>`,
    },
    unavailable: {
      title: 'Temporary error',
      body: h`<p>The database is not answering right now. Nothing has changed; try again shortly.</p>`,
    },
    error: {
      title: 'Something went wrong',
      body: h`<p>Something went wrong on our side; the error has been logged. If you were publishing a register, check Changes to see whether it went through before you try again.</p><p><a href="${PATHS.home}">To the editor pages</a></p>`,
    },
  },
};

/** A page that says one thing: what happened, that nothing changed (where true), and where to go. */
export function renderMessage(lang: Lang, session: EditorSession | null, kind: MessageKind): Html {
  const { title, body } = TEXT[lang][kind];
  return renderPage({ lang, title, here: PATHS.home, session }, h`<h1>${title}</h1>${body}`);
}
