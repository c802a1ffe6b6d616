import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createPopupModel } from '../../core/views/popup/model';
import { Popup } from '../../core/views/popup/Popup';
import { comparisonViewApi, openComparisonTab, openComparisonView } from '../../platform/comparison-view';
import {
  apiFailureItem,
  cachedUnitLists,
  comparisonItem,
  manualChoicesItem,
  settingsItem,
  siteChecksItem,
} from '../../platform/storage';
import { popupTabs } from '../../platform/tabs';
import '../../core/ui/pages.css';

const model = createPopupModel({
  settings: settingsItem,
  manualChoices: manualChoicesItem,
  apiFailure: apiFailureItem,
  siteChecks: siteChecksItem,
  cachedLists: cachedUnitLists,
  tabs: popupTabs,
  openComparison: (where) => openComparisonView(comparisonViewApi(browser), where),
  comparison: comparisonItem,
  openTab: (query) => openComparisonTab(browser, query),
});
void model.load();
render(<Popup model={model} onOpened={() => window.close()} />, document.getElementById('app')!);
