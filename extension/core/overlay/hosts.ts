import { OVERLAY_CSS } from '../ui/styles';

/**
 * Every element the overlay adds to a page is a light-DOM `span` with a shadow root: badge hosts carry
 * the unit id in UNIT_ATTRIBUTE, the entry point and the details panel carry OWN_ATTRIBUTE. The page's
 * own listing code and the late-content observer recognise them by these attributes.
 */
export const UNIT_ATTRIBUTE = 'data-utforarkollen-unit';
export const OWN_ATTRIBUTE = 'data-utforarkollen';

let sharedSheet: CSSStyleSheet | null | undefined;

/** Our CSS in a shadow root: one constructed stylesheet shared by all roots, else a <style>. */
function addStyles(root: ShadowRoot): void {
  try {
    if (sharedSheet === undefined) {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(OVERLAY_CSS);
    }
    if (sharedSheet) {
      root.adoptedStyleSheets = [sharedSheet];
      if (root.adoptedStyleSheets.length === 1) return;
    }
  } catch {
    sharedSheet = null;
  }
  const style = root.ownerDocument.createElement('style');
  style.textContent = OVERLAY_CSS;
  root.append(style);
}

export interface Host {
  host: HTMLElement;
  root: ShadowRoot;
}

/**
 * The hosts of one page view. Each is created styled and detached; the caller puts it in the page.
 * `removeAll` takes every one of them out again (when the page view is aborted).
 */
export function createHosts(doc: Document) {
  const created: HTMLElement[] = [];
  const create = (attribute: string, value: string): Host => {
    const host = doc.createElement('span');
    host.setAttribute(attribute, value);
    const root = host.attachShadow({ mode: 'open' });
    addStyles(root);
    created.push(host);
    return { host, root };
  };
  return {
    /** A badge host for this unit (a chain's units: their ids, separated by spaces) */
    badge: (unitIds: string) => create(UNIT_ATTRIBUTE, unitIds),
    /** The details panel's or the entry point's host */
    own: (name: 'panel' | 'entry') => create(OWN_ATTRIBUTE, name),
    removeAll() {
      for (const host of created.splice(0)) host.remove();
    },
  };
}

export type Hosts = ReturnType<typeof createHosts>;

/** Whether a node added to the page is one of ours (a mutation the late-content observer ignores). */
export function isOwnHost(node: Node): boolean {
  return node instanceof Element && (node.hasAttribute(UNIT_ATTRIBUTE) || node.hasAttribute(OWN_ATTRIBUTE));
}
