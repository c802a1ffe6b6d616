import { Hono } from 'hono';
import type { AppDeps } from '../http/context';
import { loadChangeLog } from '../queries/editor-changes';
import { loadReports, markReportHandled } from '../queries/editor-reports';
import { type EditorContext, type EditorEnv, field, requireSession, sessionForm } from './guard';
import { renderChanges } from './pages/changes';
import { renderReports } from './pages/reports';
import { PATHS, ROUTES } from './paths';

const PAGE_SIZE = 100;

function beforeOf(value: string | undefined): number | undefined {
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/** GET /editor/reports (and "Markera som hanterad"), GET /editor/changes: newest first, 100 a page. */
export function activityRoutes(deps: AppDeps) {
  const router = new Hono<EditorEnv>();

  const reportsPage = async (c: EditorContext, notFound = false) => {
    const session = c.get('session')!;
    const before = beforeOf(c.req.query('before'));
    const reports = await loadReports(deps.db, session.editor.huvudman, { limit: PAGE_SIZE, before });
    return renderReports(c.get('lang'), session, {
      reports,
      olderThan: reports.length === PAGE_SIZE ? reports.at(-1)!.id : null,
      here: before ? `${PATHS.reports}?before=${before}` : PATHS.reports,
      notFound,
    });
  };

  router.get(ROUTES.reports, requireSession(), async (c) => c.html(await reportsPage(c)));

  router.post(ROUTES.reportHandled, async (c) => {
    const submitted = await sessionForm(c);
    if (submitted instanceof Response) return submitted;
    const { session } = submitted;
    const id = beforeOf(field(submitted.form, 'id'));
    const done =
      id !== undefined &&
      (await markReportHandled(deps.db, session.editor.huvudman, id, session.editor.name, new Date()));
    if (!done) return c.html(await reportsPage(c, true), 404);
    return c.redirect(PATHS.reports, 303);
  });

  router.get(ROUTES.changes, requireSession(), async (c) => {
    const session = c.get('session')!;
    const before = beforeOf(c.req.query('before'));
    const changes = await loadChangeLog(deps.db, session.editor.huvudman, { limit: PAGE_SIZE, before });
    return c.html(
      renderChanges(c.get('lang'), session, {
        changes,
        olderThan: changes.length === PAGE_SIZE ? changes.at(-1)!.id : null,
        here: before ? `${PATHS.changes}?before=${before}` : PATHS.changes,
      }),
    );
  });

  return router;
}
