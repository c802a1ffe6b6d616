import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppDeps } from '../http/context';
import { MAX_REGISTER_BYTES } from '../routes/admin';
import { publishReviewedFigures, reviewFiguresFile } from './figures-publishing';
import { type EditorContext, type EditorEnv, field, requireSession, sessionForm } from './guard';
import {
  type FiguresUploadError,
  renderFigures,
  renderFiguresNotPublished,
  renderFiguresPreview,
  renderFiguresProblems,
  renderFiguresPublished,
} from './pages/figures';
import { ROUTES } from './paths';

/** Multipart framing around the file: the body may exceed the file limit by this much. */
const FORM_OVERHEAD = 64 * 1024;

/**
 * GET /editor/figures, POST …/register/figures/review ("Granska") and …/publish ("Publicera"): a
 * figures file (indikatorvärden v1) for the editor's own huvudman, reviewed and published as the
 * register is. Under /editor/register/ so that both uploads have the upload body limit and no timeout.
 */
export function figuresRoutes(deps: AppDeps) {
  const router = new Hono<EditorEnv>();
  const maxBytes = MAX_REGISTER_BYTES;
  const page = (c: EditorContext, error?: FiguresUploadError) =>
    renderFigures(c.get('lang'), c.get('session')!, { maxBytes, error });

  router.get(ROUTES.figures, requireSession(), (c) => c.html(page(c)));

  router.post(
    ROUTES.figuresReview,
    bodyLimit({
      maxSize: maxBytes + FORM_OVERHEAD,
      onError: async (c) => c.html(page(c as never, 'tooLarge'), 413),
    }),
    async (c) => {
      const submitted = await sessionForm(c);
      if (submitted instanceof Response) return submitted;
      const { session, form } = submitted;
      const file = Array.isArray(form.file) ? form.file[0] : form.file;
      if (!(file instanceof File) || file.size === 0) return c.html(page(c, 'noFile'), 400);
      if (file.size > maxBytes) return c.html(page(c, 'tooLarge'), 413);
      const name = file.name || 'indikatorvarden';
      const outcome = await reviewFiguresFile(deps.db, session, {
        name,
        bytes: new Uint8Array(await file.arrayBuffer()),
      });
      const lang = c.get('lang');
      if (outcome.kind === 'problems') {
        return c.html(renderFiguresProblems(lang, session, { fileName: name, ...outcome, maxBytes }), 422);
      }
      return c.html(
        renderFiguresPreview(lang, session, {
          ...outcome,
          fileName: name,
          sha256: outcome.review.sha256,
          maxBytes,
        }),
      );
    },
  );

  router.post(ROUTES.figuresPublish, bodyLimit({ maxSize: 16 * 1024 }), async (c) => {
    const submitted = await sessionForm(c);
    if (submitted instanceof Response) return submitted;
    const { session, form } = submitted;
    const lang = c.get('lang');
    const outcome = await publishReviewedFigures(deps.db, session, { review: field(form, 'review') });
    switch (outcome.kind) {
      case 'gone':
      case 'stale':
        return c.html(renderFiguresNotPublished(lang, session, { reason: outcome.kind, maxBytes }), 409);
      case 'problems':
        return c.html(
          renderFiguresProblems(lang, session, { fileName: 'indikatorvarden', ...outcome, maxBytes }),
          422,
        );
      case 'published':
        deps.cache.invalidate();
        console.info(
          `[editor] token ${session.editor.tokenId} (${session.editor.huvudman}) published figures: ${outcome.summary.added} added, ${outcome.summary.changed} changed, ${outcome.summary.removed} removed`,
        );
        return c.html(renderFiguresPublished(lang, session, outcome.summary));
    }
  });

  return router;
}
