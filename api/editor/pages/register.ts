import type { Service } from '../../../shared/domain';
import type { SystemOverview } from '../../queries/editor-overview';
import { XLSX_MEDIA_TYPE } from '../../register/upload';
import { type Html, h } from '../html';
import type { Lang, Texts } from '../language';
import { PATHS } from '../paths';
import type { EditorSession } from '../session';
import { serviceLabel } from './home';
import { formTokenField, renderPage } from './layout';

/** What the file field offers to choose: what the register reader reads (CSV, XLSX, JSON). */
export const ACCEPTED_FILES = `.csv,.txt,.json,.xlsx,text/csv,text/plain,application/json,${XLSX_MEDIA_TYPE}`;

export type UploadError = 'noFile' | 'tooLarge' | null;

const TEXT: Texts<{
  title: string;
  download: string;
  downloadIntro: string;
  downloadAll: { csv: string; xlsx: string };
  downloadService: { csv: (service: string) => string; xlsx: (service: string) => string };
  noLiveUnits: string;
  template: string;
  templateIntro: string;
  templateService: (service: string) => string;
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
      'Filen är det publicerade registret i formatet utförarregister v1, som Excel-arbetsbok (.xlsx) eller som CSV (UTF-8, semikolon mellan kolumnerna), för Excel och andra kalkylprogram. Ändra i den, spara den och granska den här nedanför. Laddar du upp den oförändrad ändras ingenting.',
    downloadAll: { csv: 'Hela registret (CSV)', xlsx: 'Hela registret (Excel)' },
    downloadService: { csv: (service) => `${service} (CSV)`, xlsx: (service) => `${service} (Excel)` },
    noLiveUnits: 'Det finns inga publicerade utförare att ladda ned ännu.',
    template: 'Tom mall',
    templateIntro:
      'En Excel-arbetsbok att börja från: rubrikraden, en påhittad exempelrad (ta bort den) och bladet Förklaring, som beskriver varje kolumn.',
    templateService: (service) => `Mall för ${service.toLowerCase()} (Excel)`,
    demoNote: (service) =>
      `${service} har bara exempeldata (påhittade utförare). Den kommer inte med i filen; ert första register ersätter den.`,
    publish: 'Publicera en ny version',
    publishIntro:
      'Välj filen och tryck Granska. Du får se varje fel med rad och kolumn, eller exakt vad som skulle ändras. Ingenting sparas förrän du trycker Publicera på nästa sida.',
    label: 'Registerfil',
    hint: (mb) =>
      `En Excel-arbetsbok (.xlsx: bladet ”Utförare”, annars det första), en CSV-fil med semikolon eller komma (UTF-8, Windows-1252 som Excel sparar ”CSV (semikolonavgränsad)”, ISO-8859-1 eller UTF-16) eller JSON i formatet utförarregister v1. Högst ${mb} MB, vilken sort filen än är. Filen är hela listan för varje tjänst den innehåller: utförare som saknas i den avslutas.`,
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
      'The file is the published register in the utförarregister v1 format, as an Excel workbook (.xlsx) or as CSV (UTF-8, semicolons between columns), for Excel and other spreadsheets. Edit it, save it and review it below. Uploading it unchanged changes nothing.',
    downloadAll: { csv: 'The whole register (CSV)', xlsx: 'The whole register (Excel)' },
    downloadService: { csv: (service) => `${service} (CSV)`, xlsx: (service) => `${service} (Excel)` },
    noLiveUnits: 'There are no published providers to download yet.',
    template: 'Empty template',
    templateIntro:
      'An Excel workbook to start from: the header row, one invented example row (delete it) and the sheet Förklaring, which explains every column (in Swedish).',
    templateService: (service) => `Template for ${service.toLowerCase()} (Excel)`,
    demoNote: (service) =>
      `${service} holds only example data (invented providers). It is not in the file; your first register replaces it.`,
    publish: 'Publish a new version',
    publishIntro:
      'Choose the file and press Review. You will see every problem with its line and column, or exactly what would change. Nothing is saved until you press Publish on the next page.',
    label: 'Register file',
    hint: (mb) =>
      `An Excel workbook (.xlsx: the sheet "Utförare", or else the first), a CSV file with semicolons or commas (UTF-8, Windows-1252 as Excel saves "CSV (semicolon delimited)", ISO-8859-1 or UTF-16) or JSON in the utförarregister v1 format. At most ${mb} MB, whatever the kind of file. The file is the whole list for each service it contains: providers missing from it are ended.`,
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

function downloadLinks(lang: Lang, liveServices: readonly string[]): Html {
  const t = TEXT[lang];
  if (liveServices.length === 0) return h`<p>${t.noLiveUnits}</p>`;
  return h`<ul>
<li><a href="${PATHS.downloadXlsx}" download>${t.downloadAll.xlsx}</a></li>
<li><a href="${PATHS.download}" download>${t.downloadAll.csv}</a></li>
${
  liveServices.length > 1 &&
  liveServices.map((s) => {
    const service = serviceLabel(s, lang);
    return h`<li><a href="${PATHS.downloadXlsx}?tjanst=${s}" download>${t.downloadService.xlsx(service)}</a></li>
<li><a href="${PATHS.download}?tjanst=${s}" download>${t.downloadService.csv(service)}</a></li>`;
  })
}
</ul>`;
}

export function renderRegister(
  lang: Lang,
  session: EditorSession,
  options: {
    systems: SystemOverview[];
    liveServices: string[];
    /** The services of this huvudman's kind (a kommun's, or a region's): one template each. */
    templateServices: readonly Service[];
    maxBytes: number;
    error?: UploadError;
  },
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
${downloadLinks(lang, options.liveServices)}
${demo.map((s) => h`<p>${t.demoNote(serviceLabel(s.service, lang))}</p>`)}
<h3>${t.template}</h3>
<p>${t.templateIntro}</p>
<ul>${options.templateServices.map(
      (s) =>
        h`<li><a href="${PATHS.template}?tjanst=${s}" download>${t.templateService(serviceLabel(s, lang))}</a></li>`,
    )}</ul>
<h2>${t.publish}</h2>
<p>${t.publishIntro}</p>
${uploadForm(lang, session, { maxBytes: options.maxBytes, error: options.error })}`,
  );
}
