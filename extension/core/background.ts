import type { Service } from '../../shared/domain/service';
import { type SiteChecks, withSiteCheck } from './data-status';
import type {
  ConfigResponse,
  FeedbackBody,
  FeedbackResponse,
  HistoryResponse,
  Request,
  UnitsResponse,
} from './messages';
import { matchTexts } from './sites/match-texts';
import type { StorageItem } from './storage-item';
import { EN } from './ui/i18n-en';

/** Which tab (and window) a message came from; the side panel opens there. */
export interface MessageSender {
  tab?: { id?: number; windowId?: number };
}

export interface BackgroundDeps {
  /** The API client (platform/api-client.ts): the only code that reads the API */
  api: {
    getUnitList(huvudman: string, service: Service): Promise<UnitsResponse>;
    getConfig(): Promise<ConfigResponse>;
    getHistory(unitId: string): Promise<HistoryResponse>;
    postFeedback(body: FeedbackBody): Promise<FeedbackResponse>;
  };
  openComparison(where: { tabId?: number; windowId?: number }): Promise<unknown>;
  /** Sites that looked different than expected, for the popup */
  siteChecks: StorageItem<SiteChecks>;
  now?: () => number;
}

/**
 * The background's answer to each request (see messages.ts), or undefined for a message it does not
 * answer. Matching runs here, off the page's main thread, with one cached matcher per list version.
 */
export function createRequestHandler(deps: BackgroundDeps) {
  const { api } = deps;
  const now = deps.now ?? Date.now;
  // One at a time, so two pages reporting together do not overwrite each other.
  let writing: Promise<unknown> = Promise.resolve();
  const recordSiteCheck = (report: { adapter: string; host: string; missing: string[] }) => {
    const at = now();
    writing = writing
      .then(async () => {
        const next = withSiteCheck(await deps.siteChecks.getValue(), report, at);
        if (next) await deps.siteChecks.setValue(next);
      })
      .catch(() => {});
    return writing.then(() => null);
  };
  return (message: Request, sender: MessageSender): Promise<unknown> | undefined => {
    switch (message?.type) {
      case 'units':
        return api.getUnitList(message.huvudman, message.service).then((response) =>
          response.ok && message.listings
            ? {
                ...response,
                matches: matchTexts(response.list, message.listings, message.contextNames ?? []),
              }
            : response,
        );
      case 'config':
        return api.getConfig();
      case 'history':
        return api.getHistory(message.unitId);
      case 'feedback':
        return api.postFeedback(message.body);
      case 'messages':
        return Promise.resolve(EN);
      case 'siteCheck':
        return recordSiteCheck(message);
      case 'openComparison':
        return deps
          .openComparison({ tabId: sender.tab?.id, windowId: sender.tab?.windowId })
          .then(() => true);
      default:
        return undefined;
    }
  };
}
