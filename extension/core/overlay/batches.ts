/**
 * Badges drawn per frame. Each frame that adds badges lays out and paints the page's list again. On a
 * slow machine with a 500-item list (npm run bench:badge-frames): 25 badges on or near the screen cost
 * about 35 ms of rendering, 50 about 50 ms; 50 far below the screen, with content-visibility, about 25 ms.
 */
export const NEAR_BATCH = 25;
export const FAR_BATCH = 50;

export interface BatchOptions<T> {
  doc: Document;
  /** The page's element an item's badge goes beside */
  elementOf(item: T): Element;
  signal: AbortSignal;
  /** Draws one batch; `near` holds the items within a screen of the viewport */
  draw(batch: readonly T[], near: ReadonlySet<T>): void;
  schedule(fn: () => void, ms: number): unknown;
  /** After the last batch */
  done?(): void;
}

/**
 * Long lists: the items on screen first, at most NEAR_BATCH, in this frame; the rest one batch per
 * frame, NEAR_BATCH while the batch is near the screen and FAR_BATCH further away, so 500 listings
 * never block the page's main thread for long.
 */
export function drawInBatches<T>(items: readonly T[], options: BatchOptions<T>): void {
  const { doc, signal, draw } = options;
  if (signal.aborted) return;
  // Read before any badge is added, so this costs one layout the page has already done.
  const height = doc.defaultView?.innerHeight ?? 1000;
  const rects = items.map((item) => options.elementOf(item).getBoundingClientRect());
  const onScreen = items.filter((_, i) => rects[i]!.bottom >= 0 && rects[i]!.top <= height);
  // content-visibility: auto saves work only far from the screen; near it, it adds some.
  const near = new Set(items.filter((_, i) => rects[i]!.bottom >= -height && rects[i]!.top <= 2 * height));
  if (items.length <= NEAR_BATCH) {
    draw(items, near);
    return;
  }
  const first = onScreen.slice(0, NEAR_BATCH);
  const rest = items.filter((item) => !first.includes(item));
  draw(first, near);
  // One batch per frame, so each rendering update lays out only the badges just added.
  const afterFrame = () => requestAnimationFrame(() => options.schedule(next, 0));
  const next = () => {
    draw(rest.splice(0, near.has(rest[0]!) ? NEAR_BATCH : FAR_BATCH), near);
    if (rest.length > 0 && !signal.aborted) afterFrame();
    else options.done?.();
  };
  afterFrame();
}
