import type { UnitList } from '../../shared/domain/api';
import type { Service } from '../../shared/domain/service';
import type { ListingMatch, ListingText } from './sites/match';
import type { Messages } from './ui/i18n';

/**
 * Messages between the parts of the extension. A new message is one line in `Request` (or
 * `ContentRequest`), its answer in `Responses`, and a case in core/background.ts (or the page
 * views). platform/messaging.ts carries them.
 *
 * Requests to the background, which does all network traffic, carry only a kommun/region code, a
 * service and (for feedback, on the user's request) what the user reports; never a page URL.
 */
export type Request =
  /** The unit list, and (when listings are given) the matched unit id for each of them */
  | { type: 'units'; huvudman: string; service: Service; listings?: ListingText[]; contextNames?: string[] }
  | { type: 'config' }
  | { type: 'history'; unitId: string }
  | { type: 'feedback'; body: FeedbackBody }
  | { type: 'openComparison' }
  /** The English UI strings, which content scripts do not bundle */
  | { type: 'messages'; language: 'en' }
  /** From a content script once per page view: which parts its adapter expects were not found */
  | { type: 'siteCheck'; adapter: string; host: string; missing: string[] }
  /** From a content script after each page view, for an open popup (the background ignores it) */
  | { type: 'detectedChanged'; detected: DetectedResponse };

export interface FeedbackBody {
  unitId?: string;
  huvudman: string;
  service: Service;
  pageHost: string;
  listingText: string;
  kind: 'wrong_match' | 'missing' | 'outdated';
}

export type UnitsResponse =
  | { ok: true; list: UnitList; fetchedAt: number; stale: boolean; matches?: (ListingMatch | null)[] }
  | { ok: false; error: string };

export type ConfigResponse = { disabledAdapters: string[] };

export type HistoryResponse = { ok: true; entries: unknown[] } | { ok: false; status: number };

export type FeedbackResponse = { ok: boolean; status: number };

/** What each request is answered with. */
export interface Responses {
  units: UnitsResponse;
  config: ConfigResponse;
  history: HistoryResponse;
  feedback: FeedbackResponse;
  openComparison: boolean;
  messages: Messages;
  siteCheck: null;
  detectedChanged: undefined;
}

export type ResponseTo<R extends Request> = Responses[R['type']];

/** Sends a request to the background and resolves with its answer. */
export type Send = <R extends Request>(request: R) => Promise<ResponseTo<R>>;

/** From the popup to the content script of the active tab. */
export type ContentRequest = { type: 'detected' };

/** What the content script found on its page, for the popup. */
export type DetectedResponse = {
  host: string;
  huvudman: string | null;
  service: Service | null;
  via: 'host' | 'page' | 'manual' | null;
  matched: number;
};
