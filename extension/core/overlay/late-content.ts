import { isOwnHost } from './hosts';

/**
 * Late content (accordions filled by script, re-rendered result lists): one MutationObserver on the
 * content root, throttled to one call per `throttleMs`; nodes the overlay added itself never trigger
 * it. Returns the function that stops watching.
 */
export function watchLateContent(
  root: Element,
  options: { throttleMs: number; schedule(fn: () => void, ms: number): unknown; onLate(): void },
): () => void {
  let scheduled = false;
  const observer = new MutationObserver((records) => {
    if (scheduled) return;
    const foreign = records.some((r) => Array.from(r.addedNodes).some((n) => !isOwnHost(n)));
    if (!foreign) return;
    scheduled = true;
    options.schedule(() => {
      scheduled = false;
      options.onLate();
    }, options.throttleMs);
  });
  observer.observe(root, { childList: true, subtree: true });
  return () => observer.disconnect();
}
