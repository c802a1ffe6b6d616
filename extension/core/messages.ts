import type { UnitList } from '../../shared/domain/api';
import type { Service } from '../../shared/domain/service';
import type { ListingText } from './sites/match';

/**
 * Messages from content scripts and extension pages to the background service worker, which does
 * all network traffic. Requests carry only a kommun/region code, a service and (for feedback, on
 * the user's request) what the user reports; never a page URL.
 */
export type Request =
  /** The unit list, and (when listings are given) the matched unit id for each of them */
  | { type: 'units'; huvudman: string; service: Service; listings?: ListingText[]; contextNames?: string[] }
  | { type: 'config' }
  | { type: 'history'; unitId: string }
  | { type: 'feedback'; body: FeedbackBody }
  | { type: 'openComparison' }
  /** The English UI strings, which content scripts do not bundle */
  | { type: 'messages'; language: 'en' };

export interface FeedbackBody {
  unitId?: string;
  huvudman: string;
  service: Service;
  pageHost: string;
  listingText: string;
  kind: 'wrong_match' | 'missing' | 'outdated';
}

export type UnitsResponse =
  | { ok: true; list: UnitList; fetchedAt: number; stale: boolean; matches?: (string | null)[] }
  | { ok: false; error: string };

export type ConfigResponse = { disabledAdapters: string[] };

export type HistoryResponse = { ok: true; entries: unknown[] } | { ok: false; status: number };

export type FeedbackResponse = { ok: boolean; status: number };

export type ContentRequest = { type: 'detected' } | { type: 'rerun' };
export type DetectedResponse = {
  host: string;
  huvudman: string | null;
  service: Service | null;
  via: 'host' | 'page' | 'manual' | null;
  matched: number;
};
