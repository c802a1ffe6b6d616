import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { huvudmanKind, SERVICES, type Service } from '../../shared/domain';
import { registerCsv, registerTemplateXlsx, registerUnits, registerXlsx } from '../export/register';
import type { AppDeps } from '../http/context';
import { loadOverview } from '../queries/editor-overview';
import { loadUnitNames } from '../queries/editor-register';
import { XLSX_MEDIA_TYPE } from '../register/upload';
import { MAX_REGISTER_BYTES } from '../routes/admin';
import { type EditorContext, type EditorEnv, field, requireSession, sessionForm } from './guard';
import { formatTime } from './language';
import { renderMessage } from './pages/message';
import { renderRegister, type UploadError } from './pages/register';
import {
  HISTORY_LINKS,
  renderNotPublished,
  renderPreview,
  renderProblems,
  renderPublished,
} from './pages/review';
import { ROUTES } from './paths';
import { publishReviewedFile, reviewRegisterFile } from './publishing';

/** Multipart framing around the file: the body may exceed the file limit by this much. */
const FORM_OVERHEAD = 64 * 1024;

/** fflate's bytes as a response body (they are never shared memory). */
const workbook = (bytes: Uint8Array) => bytes as Uint8Array<ArrayBuffer>;

/** The services a huvudman keeps a register for: a kommun's, or a region's. */
function servicesOf(code: string): Service[] {
  const kind = huvudmanKind(code);
  return (Object.keys(SERVICES) as Service[]).filter((s) => SERVICES[s].huvudman === kind);
}

/**
 * GET /editor/register, POST …/review ("Granska"), POST …/publish ("Publicera"), and the downloads:
 * GET /editor/register.csv and /editor/register.xlsx (the published register, `?tjanst=` for one
 * service) and /editor/template.xlsx?tjanst= (an empty template), written by api/export/register.ts.
 */
export function registerRoutes(deps: AppDeps) {
  const router = new Hono<EditorEnv>();
  // Every upload, whatever its kind: the same limit as PUT /v1/admin/registers (a workbook included).
  const maxBytes = MAX_REGISTER_BYTES;

  async function registerPage(c: EditorContext, error?: UploadError) {
    const session = c.get('session')!;
    const code = session.editor.huvudman;
    const { systems } = await loadOverview(deps.db, code);
    const live = await registerUnits(deps.db, code);
    const liveServices = [...new Set(live.map((u) => u.service))];
    return renderRegister(c.get('lang'), session, {
      systems,
      liveServices,
      templateServices: servicesOf(code),
      maxBytes,
      error,
    });
  }

  router.get(ROUTES.register, requireSession(), async (c) => c.html(await registerPage(c)));

  /** `?tjanst=` as one of the huvudman's services, undefined for all, or null when it names none of them. */
  const serviceOf = (c: EditorContext): Service | undefined | null => {
    const asked = c.req.query('tjanst');
    if (!asked) return undefined;
    return servicesOf(c.get('session')!.editor.huvudman).find((s) => s === asked) ?? null;
  };
  const notFound = (c: EditorContext) =>
    c.html(renderMessage(c.get('lang'), c.get('session'), 'notFound'), 404);
  const attachment = (name: string) => `attachment; filename="${name}"`;
  const fileName = (code: string, service: Service | undefined, extension: string) =>
    `utforarregister-${code}${service ? `-${service}` : ''}.${extension}`;

  router.get(ROUTES.download, requireSession(), async (c) => {
    const code = c.get('session')!.editor.huvudman;
    const service = serviceOf(c);
    if (service === null) return notFound(c);
    return c.body(await registerCsv(deps.db, code, service), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': attachment(fileName(code, service, 'csv')),
    });
  });

  router.get(ROUTES.downloadXlsx, requireSession(), async (c) => {
    const code = c.get('session')!.editor.huvudman;
    const service = serviceOf(c);
    if (service === null) return notFound(c);
    return c.body(workbook(await registerXlsx(deps.db, code, service)), 200, {
      'Content-Type': XLSX_MEDIA_TYPE,
      'Content-Disposition': attachment(fileName(code, service, 'xlsx')),
    });
  });

  router.get(ROUTES.template, requireSession(), async (c) => {
    const code = c.get('session')!.editor.huvudman;
    const service = serviceOf(c);
    if (!service) return notFound(c);
    return c.body(workbook(registerTemplateXlsx(service, code)), 200, {
      'Content-Type': XLSX_MEDIA_TYPE,
      'Content-Disposition': attachment(`utforarregister-mall-${service}.xlsx`),
    });
  });

  router.post(
    ROUTES.review,
    bodyLimit({
      maxSize: maxBytes + FORM_OVERHEAD,
      onError: async (c) => c.html(await registerPage(c as never, 'tooLarge'), 413),
    }),
    async (c) => {
      const submitted = await sessionForm(c);
      if (submitted instanceof Response) return submitted;
      const { session, form } = submitted;
      const file = Array.isArray(form.file) ? form.file[0] : form.file;
      if (!(file instanceof File) || file.size === 0) return c.html(await registerPage(c, 'noFile'), 400);
      if (file.size > maxBytes) return c.html(await registerPage(c, 'tooLarge'), 413);
      const bytes = new Uint8Array(await file.arrayBuffer());
      const name = file.name || 'register';
      const outcome = await reviewRegisterFile(deps.db, session, { name, bytes });
      const lang = c.get('lang');
      if (outcome.kind === 'problems') {
        return c.html(renderProblems(lang, session, { fileName: name, ...outcome, maxBytes }), 422);
      }
      return c.html(
        renderPreview(lang, session, {
          fileName: name,
          sha256: outcome.review.sha256,
          systems: outcome.systems,
          changesAnything: outcome.changesAnything,
          ending: outcome.ending,
          readAs: outcome.readAs,
          maxBytes,
        }),
      );
    },
  );

  router.post(ROUTES.publish, bodyLimit({ maxSize: 16 * 1024 }), async (c) => {
    const submitted = await sessionForm(c);
    if (submitted instanceof Response) return submitted;
    const { session, form } = submitted;
    const lang = c.get('lang');
    const now = new Date();
    const outcome = await publishReviewedFile(
      deps.db,
      session,
      { review: field(form, 'review'), fields: form },
      { now },
    );
    switch (outcome.kind) {
      case 'gone':
      case 'stale':
        return c.html(renderNotPublished(lang, session, { reason: outcome.kind, maxBytes }), 409);
      case 'problems':
        return c.html(renderProblems(lang, session, { fileName: 'register', ...outcome, maxBytes }), 422);
      case 'confirm':
        return c.html(
          renderPreview(lang, session, {
            fileName: outcome.review.fileName,
            sha256: outcome.review.sha256,
            systems: outcome.systems,
            changesAnything: true,
            ending: outcome.ending,
            readAs: outcome.readAs,
            maxBytes,
            confirmMissing: true,
          }),
          422,
        );
      case 'published': {
        deps.cache.invalidate();
        const { summary } = outcome;
        console.info(
          `[editor] token ${session.editor.tokenId} (${session.editor.huvudman}) published: ${summary.added} added, ${summary.changed} changed, ${summary.ended} ended`,
        );
        const linked = summary.changes.slice(0, HISTORY_LINKS).map((c) => c.unitId);
        return c.html(
          renderPublished(lang, session, {
            summary,
            names: await loadUnitNames(deps.db, linked),
            at: formatTime(now.toISOString()),
          }),
        );
      }
    }
  });

  return router;
}
