import type { Page } from 'playwright-core';
import type { TraceEvent } from './long-task-attribution';

export const TIMELINE = 'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing';

/** Starts a Chrome trace of the page's renderer; the returned function ends it and gives its events. */
export async function startTrace(page: Page, categories = TIMELINE): Promise<() => Promise<TraceEvent[]>> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
  return async () => {
    const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await done;
    await cdp.detach();
    return events;
  };
}
