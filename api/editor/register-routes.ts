import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { REGISTER_COLUMNS } from '../../shared/register';
import { toCsv } from '../export/csv';
import type { AppDeps } from '../http/context';
import { loadOverview } from '../queries/editor-overview';
import { loadRegisterUnits } from '../queries/editor-register';
import { MAX_REGISTER_BYTES } from '../routes/admin';
import { type EditorContext, type EditorEnv, field, requireSession, sessionForm } from './guard';
import { formatTime } from './language';
import type { ResolvedEditorOptions } from './options';
import { renderRegister, type UploadError } from './pages/register';
import { renderNotPublished, renderPreview, renderProblems, renderPublished } from './pages/review';
import { ROUTES } from './paths';
import { publishReviewedFile, reviewRegisterFile } from './publishing';
import { registerCsvCells } from './register-fields';

/** Multipart framing around the file: the body may exceed the file limit by this much. */
const FORM_OVERHEAD = 64 * 1024;

/** GET /editor/register, POST …/review ("Granska"), POST …/publish ("Publicera"), GET /editor/register.csv. */
export function registerRoutes(deps: AppDeps, options: ResolvedEditorOptions) {
  const router = new Hono<EditorEnv>();
  const maxBytes = MAX_REGISTER_BYTES;

  async function registerPage(c: EditorContext, error?: UploadError) {
    const session = c.get('session')!;
    const code = session.editor.huvudman;
    const { systems } = await loadOverview(deps.db, code);
    const live = await loadRegisterUnits(deps.db, code);
    const liveServices = [...new Set(live.map((u) => u.service))];
    return renderRegister(c.get('lang'), session, { systems, liveServices, maxBytes, error });
  }

  router.get(ROUTES.register, requireSession(), async (c) => c.html(await registerPage(c)));

  router.get(ROUTES.download, requireSession(), async (c) => {
    const code = c.get('session')!.editor.huvudman;
    const service = c.req.query('tjanst');
    const list = await loadRegisterUnits(deps.db, code, service || undefined);
    const csv = toCsv([[...REGISTER_COLUMNS], ...list.map(registerCsvCells)]);
    const name = `utforarregister-${code}${service ? `-${service.replace(/[^a-z_]/g, '')}` : ''}.csv`;
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
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
      const fileName = file.name || 'register';
      const outcome = await reviewRegisterFile(
        deps.db,
        session,
        { name: fileName, bytes },
        { confirmations: options.confirmations },
      );
      const lang = c.get('lang');
      if (outcome.kind === 'problems') {
        return c.html(renderProblems(lang, session, { fileName, problems: outcome.problems, maxBytes }), 422);
      }
      return c.html(
        renderPreview(lang, session, {
          fileName,
          sha256: outcome.review.sha256,
          systems: outcome.systems,
          changesAnything: outcome.changesAnything,
          confirmations: outcome.confirmations,
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
      { confirmations: options.confirmations, now },
    );
    switch (outcome.kind) {
      case 'gone':
      case 'stale':
        return c.html(renderNotPublished(lang, session, { reason: outcome.kind, maxBytes }), 409);
      case 'problems':
        return c.html(
          renderProblems(lang, session, { fileName: 'register', problems: outcome.problems, maxBytes }),
          422,
        );
      case 'confirm':
        return c.html(
          renderPreview(lang, session, {
            fileName: outcome.review.fileName,
            sha256: outcome.review.sha256,
            systems: outcome.systems,
            changesAnything: true,
            confirmations: outcome.confirmations,
            readAs: null,
            maxBytes,
            confirmMissing: true,
          }),
          422,
        );
      case 'published':
        deps.cache.invalidate();
        console.info(
          `[editor] token ${session.editor.tokenId} (${session.editor.huvudman}) published: ${outcome.summary.added} added, ${outcome.summary.changed} changed, ${outcome.summary.ended} ended`,
        );
        return c.html(
          renderPublished(lang, session, {
            summary: outcome.summary,
            names: outcome.names,
            at: formatTime(now.toISOString()),
          }),
        );
    }
  });

  return router;
}
