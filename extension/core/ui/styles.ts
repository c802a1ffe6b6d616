/**
 * The one stylesheet of everything the extension draws inside pages, added to each shadow root
 * (as a constructed stylesheet where the browser allows it, else a <style>). Pixel units only, so
 * the page's root font size cannot change ours; text sizes use the keywords small/medium/large,
 * which follow the browser's own text-size setting. Neutral greys and one blue for focus and links:
 * no colour carries a judgement.
 */
export const OVERLAY_CSS = `
:host { display: inline-block !important; position: static !important; float: none !important; vertical-align: middle !important; margin: 0 0 0 8px !important; padding: 0 !important; border: 0 !important; background: none !important; width: auto !important; height: auto !important; max-width: 100% !important; opacity: 1 !important; visibility: visible !important; transform: none !important; }
:host([data-utforarkollen-at]) { position: absolute !important; margin: 0 !important; z-index: 1 !important; transform: translate(var(--utforarkollen-x, 0px), var(--utforarkollen-y, 0px)) !important; }
:host([data-utforarkollen-at]) .root { white-space: nowrap; }
:host([data-utforarkollen-at]) .badge { line-height: 1.2; padding: 0 4px; }
:host([data-utforarkollen-at]:not(:hover):not(:focus-within)) .badge > span:not(.sr) { display: none; }
:host([data-utforarkollen-at]:not(:hover):not(:focus-within)) .badge::before { content: "i"; font-weight: 600; font-style: italic; }
:host([data-utforarkollen="panel"]) { display: contents !important; margin: 0 !important; }
:host([data-utforarkollen="entry"]) { display: block !important; margin: 8px 0 !important; }
* { box-sizing: border-box; }
.root { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-style: normal; font-weight: 400; font-variant: normal; color: #1f2328; line-height: 1.4; letter-spacing: normal; word-spacing: normal; text-transform: none; text-align: left; text-indent: 0; text-shadow: none; white-space: normal; direction: ltr; cursor: auto; }
.size-normal { font-size: small; }
.size-large { font-size: medium; }
.size-x-large { font-size: large; }
.sr { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
button, select, input { font: inherit; color: inherit; }
.badge { display: inline; line-height: 1.9; cursor: pointer; text-align: left; padding: 2px 8px; border: 1px solid #6e7781; border-radius: 4px; background: #f6f8fa; color: #1f2328; font-weight: 400; }
.badge:hover { background: #eaeef2; }
.badge > span:not(.sr) { margin: 0 3px; }
.badge:focus-visible, button:focus-visible, a:focus-visible, select:focus-visible, input:focus-visible, summary:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
.tag { display: inline; padding: 0 4px; border: 1px solid #57606a; border-radius: 3px; font-size: 0.9em; }
.tag.demo { border-style: dashed; }
.tag.stale::before { content: "⚠ "; }
.figure { font-weight: 600; }
.muted { color: #57606a; }
.group-unit { display: inline-block; margin: 0 8px 2px 0; }
.group-unit > .name { font-weight: 600; margin-right: 4px; }
dialog { width: min(640px, calc(100vw - 32px)); max-height: calc(100vh - 32px); overflow: auto; padding: 0; border: 1px solid #57606a; border-radius: 8px; background: #ffffff; color: #1f2328; box-shadow: 0 8px 24px rgba(0,0,0,0.25); }
dialog::backdrop { background: rgba(0,0,0,0.35); }
.details { padding: 16px 20px; font-size: medium; }
.details.size-large { font-size: large; }
.details.size-x-large { font-size: x-large; }
.details h2 { font-size: 1.3em; margin: 0 32px 4px 0; }
.details h3 { font-size: 1.05em; margin: 16px 0 6px; }
.details dl { display: grid; grid-template-columns: minmax(120px, 35%) 1fr; gap: 6px 12px; margin: 0; }
.details dt { font-weight: 600; }
.details dd { margin: 0; }
.close { position: absolute; top: 10px; right: 10px; border: 1px solid #6e7781; background: #ffffff; border-radius: 4px; padding: 2px 8px; cursor: pointer; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 16px; }
.actions button, .report button, .entry { border: 1px solid #57606a; background: #f6f8fa; border-radius: 4px; padding: 6px 12px; cursor: pointer; }
.report { margin-top: 12px; display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
.indicator { margin: 0 0 12px; }
.indicator table { border-collapse: collapse; margin-top: 4px; }
.indicator td, .indicator th { text-align: left; padding: 1px 12px 1px 0; font-weight: 400; }
.scale { position: relative; height: 28px; margin: 6px 8px 0; border-bottom: 2px solid #6e7781; }
.scale .tick { position: absolute; bottom: -18px; font-size: 0.75em; color: #57606a; transform: translateX(-50%); }
.marker { position: absolute; bottom: -7px; transform: translateX(-50%); line-height: 1; font-size: 14px; color: #1f2328; }
.legend { font-size: 0.85em; margin-top: 20px; color: #3d444d; }
.source { font-size: 0.85em; color: #57606a; }
.entry { display: inline-block; font-size: small; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1f2328; }
.status { margin-top: 8px; }
`;
