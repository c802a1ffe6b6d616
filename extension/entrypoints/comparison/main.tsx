import { render } from 'preact';
import { translator } from '../../core/ui/i18n';
import { SV_PAGES } from '../../core/ui/i18n-pages';
import { ComparisonView } from '../../core/views/comparison/ComparisonView';
import { connectComparisonPage } from '../../core/views/comparison/connect';
import { createComparisonModel } from '../../core/views/comparison/model';
import { parseComparisonPage } from '../../core/views/comparison/url';
import { sendToBackground } from '../../platform/messaging';
import { settingsItem } from '../../platform/storage';
import '../../core/ui/pages.css';

// comparison.html?huvudman=0581&service=hemtjanst: every unit of that system, or what the address names.
const app = document.getElementById('app')!;
const address = parseComparisonPage(location.search);
if (!address) {
  app.textContent = translator('sv', null, SV_PAGES)('badAddress');
} else {
  const model = createComparisonModel();
  const page = connectComparisonPage(model, address, {
    settings: settingsItem,
    send: sendToBackground,
    // After the view has drawn what was asked for (signals re-render on the next frame).
    print: () => requestAnimationFrame(() => setTimeout(() => window.print(), 0)),
  });
  page.start();
  render(<ComparisonView model={model} onRemove={page.remove} actions={page.actions} />, app);
}
