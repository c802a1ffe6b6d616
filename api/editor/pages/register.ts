import type { SystemOverview } from '../../queries/editor-overview';
import { type Html, h } from '../html';
import type { Lang, Texts } from '../language';
import { PATHS } from '../paths';
import type { EditorSession } from '../session';
import { serviceLabel } from './home';
import { formTokenField, renderPage } from './layout';

/** What the file field takes; one place to widen when the register reader learns XLSX. */
export const ACCEPTED_FILES = '.csv,.txt,.json,text/csv,text/plain,application/json';

export type UploadError = 'noFile' | 'tooLarge' | null;

const TEXT: Texts<{
  title: string;
  download: string;
  downloadIntro: string;
  downloadAll: string;
  downloadService: (service: string) => string;
  noLiveUnits: string;
  demoNote: (service: string) => string;
  publish: string;
  publishIntro: string;
  label: string;
  hint: (maxMb: number) => string;
  button: string;
  errorHeading: string;
  errors: Record<Exclude<UploadError, null>, (maxMb: number) => string>;
}> = {
  sv: {
    title: 'Registret',
    download: 'Ladda ned registret',
    downloadIntro:
      'Filen är det publicerade registret i formatet utförarregister v1: UTF-8, semikolon mellan kolumnerna, för Excel och andra kalkylprogram. Ändra i den, spara som CSV och granska den här nedanför. Laddar du upp den oförändrad ändras ingenting.',
    downloadAll: 'Hela registret (CSV)',
    downloadService: (service) => `${service} (CSV)`,
    noLiveUnits: 'Det finns inga publicerade utförare att ladda ned ännu.',
    demoNote: (service) =>
      `${service} har bara exempeldata (påhittade utförare). Den kommer inte med i filen; ert första register ersätter den.`,
    publish: 'Publicera en ny version',
    publishIntro:
      'Välj filen och tryck Granska. Du får se varje fel med rad och kolumn, eller exakt vad som skulle ändras. Ingenting sparas förrän du trycker Publicera på nästa sida.',
    label: 'Registerfil',
    hint: (mb) =>
      `CSV med semikolon eller komma (UTF-8), eller JSON i formatet utförarregister v1. Högst ${mb} MB. Filen är hela listan för varje tjänst den innehåller: utförare som saknas i den avslutas.`,
    button: 'Granska',
    errorHeading: 'Filen kunde inte granskas',
    errors: {
      noFile: () => 'Välj en registerfil att granska.',
      tooLarge: (mb) => `Filen är större än ${mb} MB. Dela upp den per tjänst eller ta bort tomma rader.`,
    },
  },
  en: {
    title: 'Register',
    download: 'Download the register',
    downloadIntro:
      'The file is the published register in the utförarregister v1 format: UTF-8, semicolons between columns, for Excel and other spreadsheets. Edit it, save it as CSV and review it below. Uploading it unchanged changes nothing.',
    downloadAll: 'The whole register (CSV)',
    downloadService: (service) => `${service} (CSV)`,
    noLiveUnits: 'There are no published providers to download yet.',
    demoNote: (service) =>
      `${service} holds only example data (invented providers). It is not in the file; your first register replaces it.`,
    publish: 'Publish a new version',
    publishIntro:
      'Choose the file and press Review. You will see every problem with its line and column, or exactly what would change. Nothing is saved until you press Publish on the next page.',
    label: 'Register file',
    hint: (mb) =>
      `CSV with semicolons or commas (UTF-8), or JSON in the utförarregister v1 format. At most ${mb} MB. The file is the whole list for each service it contains: providers missing from it are ended.`,
    button: 'Review',
    errorHeading: 'The file could not be reviewed',
    errors: {
      noFile: () => 'Choose a register file to review.',
      tooLarge: (mb) => `The file is larger than ${mb} MB. Split it by service or remove empty rows.`,
    },
  },
};

/** The form with the "Registerfil" field and the "Granska" button, shown wherever a file can be (re)chosen. */
export function uploadForm(
  lang: Lang,
  session: EditorSession,
  options: { maxBytes: number; error?: UploadError; heading?: boolean },
): Html {
  const t = TEXT[lang];
  const mb = Math.round(options.maxBytes / (1024 * 1024));
  const error = options.error ? t.errors[options.error](mb) : null;
  return h`<form method="post" action="${PATHS.review}" enctype="multipart/form-data">
${formTokenField(session)}
<label for="file">${t.label}</label>
<p class="hint" id="file-hint">${t.hint(mb)}</p>
${error && h`<p class="error" id="file-error">${error}</p>`}
<input type="file" id="file" name="file" accept="${ACCEPTED_FILES}" required aria-describedby="${error ? 'file-hint file-error' : 'file-hint'}"${error ? h` aria-invalid="true"` : ''}>
<p><button type="submit">${t.button}</button></p>
</form>`;
}

export function renderRegister(
  lang: Lang,
  session: EditorSession,
  options: { systems: SystemOverview[]; liveServices: string[]; maxBytes: number; error?: UploadError },
): Html {
  const t = TEXT[lang];
  const error = options.error ? t.errors[options.error](Math.round(options.maxBytes / (1024 * 1024))) : null;
  const demo = options.systems.filter((s) => s.kind === 'demo');
  return renderPage(
    {
      lang,
      title: error ? `${t.errorHeading}: ${t.title}` : t.title,
      here: PATHS.register,
      session,
      section: 'register',
    },
    h`<h1>${t.title}</h1>
${
  error &&
  h`<div class="error-summary" role="alert" aria-labelledby="error-heading"><h2 id="error-heading">${t.errorHeading}</h2><p><a href="#file">${error}</a></p></div>`
}
<h2>${t.download}</h2>
<p>${t.downloadIntro}</p>
${
  options.liveServices.length === 0
    ? h`<p>${t.noLiveUnits}</p>`
    : h`<ul>
<li><a href="${PATHS.download}" download>${t.downloadAll}</a></li>
${
  options.liveServices.length > 1 &&
  options.liveServices.map(
    (s) =>
      h`<li><a href="${PATHS.download}?tjanst=${s}" download>${t.downloadService(serviceLabel(s, lang))}</a></li>`,
  )
}
</ul>`
}
${demo.map((s) => h`<p>${t.demoNote(serviceLabel(s.service, lang))}</p>`)}
<h2>${t.publish}</h2>
<p>${t.publishIntro}</p>
${uploadForm(lang, session, { maxBytes: options.maxBytes, error: options.error })}`,
  );
}
