/**
 * Whose is a long task? Classifies the renderer main thread's tasks over 50 ms in a Chrome trace
 * (categories `devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing,v8`) of
 * one page load with the extension.
 *
 * - `rendering after badges`: a task spent mostly on style, layout and paint, after the first badges
 *   were added to the page: the extension's DOM writes caused it (though the frame lays out the
 *   page's whole list again, so the page's size sets much of its cost);
 * - `extension script`: otherwise, the task ran the content script (an event naming a chrome-extension://
 *   URL) or set one of its `utforarkollen:*` performance marks (the reply from the background is
 *   handled in microtasks that name no URL);
 * - `page before extension`: the page's own parsing and first rendering, before the content script
 *   ran;
 * - `other`: anything else (the page's own later work, or the harness evaluating in the page).
 */
export interface TraceEvent {
  name: string;
  ts: number;
  dur?: number;
  ph: string;
  tid: number;
  args?: Record<string, unknown>;
}

export type LongTaskKind = 'extension script' | 'rendering after badges' | 'page before extension' | 'other';

export interface AttributedLongTask {
  kind: LongTaskKind;
  ms: number;
  /** ms after the content script's start mark (negative: before it) */
  at: number;
  /** the biggest parts, e.g. "Layout 29.7, PrePaint 20.6" */
  parts: string;
}

const RENDERING = new Set(['Layout', 'UpdateLayoutTree', 'PrePaint', 'Paint']);
const LONG_US = 50_000;

export function attributeLongTasks(events: readonly TraceEvent[]): AttributedLongTask[] {
  const ownMarks = events.filter((e) => e.name.startsWith('utforarkollen:'));
  const start = ownMarks.find((e) => e.name === 'utforarkollen:start')?.ts ?? Number.NaN;
  const badges = ownMarks.find((e) => e.name === 'utforarkollen:badges')?.ts ?? Number.POSITIVE_INFINITY;
  // The renderer main thread is the one that set our marks.
  const mainTid = ownMarks[0]?.tid;
  const extensionScript = events.filter(
    (e) => e.tid === mainTid && e.args && JSON.stringify(e.args).includes('chrome-extension://'),
  );
  const firstExtension = Math.min(start, ...extensionScript.map((e) => e.ts));
  const tasks = events.filter((e) => e.name === 'RunTask' && e.tid === mainTid && (e.dur ?? 0) > LONG_US);
  return tasks.map((task) => {
    const end = task.ts + (task.dur ?? 0);
    const within = (e: TraceEvent) => e.tid === mainTid && e.ts >= task.ts && e.ts <= end;
    const inside = events.filter((e) => within(e) && e.name !== 'RunTask');
    const parts = new Map<string, number>();
    for (const e of inside) if (e.dur) parts.set(e.name, (parts.get(e.name) ?? 0) + e.dur / 1000);
    const ours = extensionScript.some(within) || ownMarks.some(within);
    // A frame's animation-frame callbacks (ours set a mark there) run inside the rendering task.
    const rendering = inside.filter((e) => RENDERING.has(e.name)).reduce((ms, e) => ms + (e.dur ?? 0), 0);
    const renders = rendering > (task.dur ?? 0) / 2;
    const kind: LongTaskKind =
      renders && task.ts >= badges
        ? 'rendering after badges'
        : ours
          ? 'extension script'
          : end <= firstExtension
            ? 'page before extension'
            : 'other';
    return {
      kind,
      ms: Math.round((task.dur ?? 0) / 1000),
      at: Math.round((task.ts - start) / 1000),
      parts: [...parts.entries()]
        .filter(([name]) => !name.startsWith('V8.') && name !== 'ThreadControllerImpl::RunTask')
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([name, ms]) => `${name} ${ms.toFixed(1)}`)
        .join(', '),
    };
  });
}
