import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { apiBaseUrl } from '../core/api-url';
import { createRequestHandler } from '../core/background';
import { createApiClient } from '../platform/api-client';
import { comparisonViewApi, openComparisonView } from '../platform/comparison-view';
import { answerRequests } from '../platform/messaging';
import { siteChecksItem } from '../platform/storage';

export default defineBackground({
  type: 'module',
  main() {
    answerRequests(
      createRequestHandler({
        api: createApiClient({ baseUrl: apiBaseUrl(import.meta.env.WXT_API_URL) }),
        openComparison: (where) => openComparisonView(comparisonViewApi(browser), where),
        siteChecks: siteChecksItem,
      }),
    );
  },
});
