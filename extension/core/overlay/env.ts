import type { Comparison } from '../comparison';
import type { DetectedResponse, Send } from '../messages';
import type { ManualChoice, Settings } from '../settings';
import type { PageTarget } from '../sites/adapter';
import type { OverlayModel } from './model';

/**
 * What the overlay gets from the content-script entrypoint for one page view: the page, an
 * AbortSignal for the page view, a way to message the background, and the stored settings.
 * Nothing here is WXT: tests pass a happy-dom document and plain functions.
 */
export interface OverlayEnv {
  doc: Document;
  url: URL;
  /** The API base URL (its /demo/ pages are kommun-like pages) */
  apiUrl: string;
  signal: AbortSignal;
  send: Send;
  settings: Settings;
  manual: ManualChoice | null;
  disabledAdapters: readonly string[];
  getComparison(): Promise<Comparison | null>;
  setComparison(value: Comparison): Promise<void>;
  /** Throttle delay for late content (ms) */
  throttleMs?: number;
  setTimeout?: (fn: () => void, ms: number) => unknown;
}

export interface OverlayHandle {
  model: OverlayModel;
  target: PageTarget;
  detected(): DetectedResponse;
}
