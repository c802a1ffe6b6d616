import { and, desc, eq, lt } from 'drizzle-orm';
import type { Database } from '../db/client';
import { feedback, feedbackHandled, units } from '../db/schema';

/** Users' reports about a huvudman's units, newest first, each with whether (and by whom) it was handled. */
export async function loadReports(db: Database, code: string, options: { limit: number; before?: number }) {
  return db
    .select({
      id: feedback.id,
      at: feedback.at,
      service: feedback.service,
      kind: feedback.kind,
      pageHost: feedback.pageHost,
      listingText: feedback.listingText,
      unitId: feedback.unitId,
      unitName: units.name,
      handledBy: feedbackHandled.handledBy,
      handledAt: feedbackHandled.handledAt,
    })
    .from(feedback)
    .leftJoin(feedbackHandled, eq(feedbackHandled.feedbackId, feedback.id))
    .leftJoin(units, eq(units.id, feedback.unitId))
    .where(and(eq(feedback.huvudman, code), options.before ? lt(feedback.id, options.before) : undefined))
    .orderBy(desc(feedback.id))
    .limit(options.limit)
    .all();
}

/** Marks one of the huvudman's reports as handled; false when the report is not the huvudman's. */
export async function markReportHandled(db: Database, code: string, id: number, by: string, now: Date) {
  const report = await db
    .select({ id: feedback.id })
    .from(feedback)
    .where(and(eq(feedback.id, id), eq(feedback.huvudman, code)))
    .get();
  if (!report) return false;
  await db
    .insert(feedbackHandled)
    .values({ feedbackId: id, handledBy: by, handledAt: now.toISOString() })
    .onConflictDoNothing();
  return true;
}
