import { Hono } from 'hono';
import { huvudmanKind } from '../../shared/domain';
import type { AppDeps } from '../http/context';
import { dismissOu, findUnlinkedOu, loadKoladaState, restoreOu } from '../queries/editor-kolada';
import { type EditorContext, type EditorEnv, field, requireSession, sessionForm } from './guard';
import { linkOu } from './kolada-link';
import { type KoladaError, type KoladaNotice, renderKolada } from './pages/kolada';
import { PATHS, ROUTES } from './paths';

const OU_ID = /^V\d{2}E[0-9A-Z]{4,}$/;
const NOTICES = new Set(['linked', 'dismissed', 'restored']);

/** GET /editor/kolada and its three forms: link an OU to a unit, mark it "not ours", undo that. */
export function koladaRoutes(deps: AppDeps) {
  const router = new Hono<EditorEnv>();

  const page = async (c: EditorContext, error: KoladaError = null) => {
    const session = c.get('session')!;
    const code = session.editor.huvudman;
    const state = huvudmanKind(code) === 'kommun' ? await loadKoladaState(deps.db, code) : null;
    const done = c.req.query('done') ?? '';
    const ou = c.req.query('ou') ?? '';
    const notice: KoladaNotice = NOTICES.has(done) && OU_ID.test(ou) ? { kind: done as 'linked', ou } : null;
    return renderKolada(c.get('lang'), session, state, { notice, error });
  };
  const done = (kind: string, ou: string) => `${PATHS.kolada}?done=${kind}&ou=${encodeURIComponent(ou)}`;

  router.get(ROUTES.kolada, requireSession(), async (c) => c.html(await page(c)));

  router.post(ROUTES.koladaLink, async (c) => {
    const submitted = await sessionForm(c);
    if (submitted instanceof Response) return submitted;
    const ou = field(submitted.form, 'ou');
    const outcome = await linkOu(deps.db, submitted.session, { ou, unitId: field(submitted.form, 'unitId') });
    if (outcome.kind !== 'linked') {
      if (outcome.kind === 'problems') console.warn(`[editor] linking ${ou} failed:`, outcome.problems);
      return c.html(await page(c, outcome.kind), outcome.kind === 'problems' ? 500 : 400);
    }
    deps.cache.invalidate();
    return c.redirect(done('linked', ou), 303);
  });

  router.post(ROUTES.koladaDismiss, async (c) => {
    const submitted = await sessionForm(c);
    if (submitted instanceof Response) return submitted;
    const { session } = submitted;
    const ou = field(submitted.form, 'ou');
    if (!(await findUnlinkedOu(deps.db, session.editor.huvudman, ou))) {
      return c.html(await page(c, 'unknownOu'), 400);
    }
    await dismissOu(deps.db, session.editor.huvudman, ou, session.editor.name, new Date());
    return c.redirect(done('dismissed', ou), 303);
  });

  router.post(ROUTES.koladaRestore, async (c) => {
    const submitted = await sessionForm(c);
    if (submitted instanceof Response) return submitted;
    const ou = field(submitted.form, 'ou');
    await restoreOu(deps.db, submitted.session.editor.huvudman, ou);
    return c.redirect(done('restored', ou), 303);
  });

  return router;
}
