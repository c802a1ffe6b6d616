import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ComparisonView } from '../../core/views/comparison/ComparisonView';
import { connectComparison } from '../../core/views/comparison/connect';
import { createComparisonModel } from '../../core/views/comparison/model';
import { openComparisonTab } from '../../platform/comparison-view';
import { sendToBackground } from '../../platform/messaging';
import { comparisonItem, settingsItem } from '../../platform/storage';
import '../../core/ui/pages.css';

const model = createComparisonModel();
const page = connectComparison(model, {
  settings: settingsItem,
  comparison: comparisonItem,
  send: sendToBackground,
  openTab: (query) => void openComparisonTab(browser, query),
});
page.start();

render(
  <ComparisonView model={model} onRemove={page.remove} actions={page.actions} />,
  document.getElementById('app')!,
);
