import { and, desc, eq, lt } from 'drizzle-orm';
import type { Database } from '../db/client';
import { feedback } from '../db/schema';

export type FeedbackReport = Omit<typeof feedback.$inferInsert, 'id'>;

/** Stores a user's report; returns its id. */
export async function storeFeedback(db: Database, report: FeedbackReport): Promise<number> {
  const [row] = await db.insert(feedback).values(report).returning({ id: feedback.id });
  return row!.id;
}

/** One huvudman's reports, newest first; pass the smallest id seen as `before` for the next page. */
export function feedbackFor(db: Database, huvudmanCode: string, page: { limit: number; before?: number }) {
  return db
    .select()
    .from(feedback)
    .where(and(eq(feedback.huvudman, huvudmanCode), page.before ? lt(feedback.id, page.before) : undefined))
    .orderBy(desc(feedback.id))
    .limit(page.limit)
    .all();
}
