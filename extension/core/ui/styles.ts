/**
 * The one stylesheet of everything the extension draws inside pages, added to each shadow root
 * (as a constructed stylesheet where the browser allows it, else a <style>). Laid out in em, so it
 * grows with the text: a badge is at least the size of the text around it and of the page's root
 * size, which follows the browser's own text size (`max(1em, 1rem)`; a size keyword such as
 * `medium` cannot be compared in max()), and "Stor"/"Större" make it larger. Labels wrap (hyphenated where the language is
 * known) and stack above their values where the width is short, so enlarged text never overlaps or
 * scrolls sideways. Neutral greys and one blue for focus and links: no colour carries a judgement.
 */
export const OVERLAY_CSS = `
:host { display: inline-block !important; position: static !important; float: none !important; vertical-align: middle !important; margin: 0 0 0 8px !important; padding: 0 !important; border: 0 !important; background: none !important; width: auto !important; height: auto !important; max-width: calc(100% - 8px) !important; opacity: 1 !important; visibility: visible !important; transform: none !important; }
:host([data-utforarkollen-at]) { position: absolute !important; margin: 0 !important; z-index: 1 !important; transform: translate(var(--utforarkollen-x, 0px), var(--utforarkollen-y, 0px)) !important; }
:host([data-utforarkollen-at]) .root { white-space: nowrap; }
:host([data-utforarkollen-at]) .badge { line-height: 1.2; padding: 0 .25em; }
:host([data-utforarkollen-at]:not(:hover):not(:focus-within)) .badge > span:not(.sr) { display: none; }
:host([data-utforarkollen-at]:not(:hover):not(:focus-within)) .badge::before { content: "i"; font-weight: 600; font-style: italic; }
:host([data-utforarkollen="panel"]) { display: contents !important; margin: 0 !important; }
:host([data-utforarkollen="entry"]) { display: block !important; margin: 8px 0 !important; }
* { box-sizing: border-box; }
.root { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-style: normal; font-weight: 400; font-variant: normal; color: #1f2328; line-height: 1.45; letter-spacing: normal; word-spacing: normal; text-transform: none; text-align: left; text-indent: 0; text-shadow: none; white-space: normal; direction: ltr; cursor: auto; overflow-wrap: break-word; hyphens: auto; }
.size-normal { font-size: max(1em, 1rem); }
.size-large { font-size: max(1.2em, 1.2rem); }
.size-x-large { font-size: max(1.45em, 1.45rem); }
.sr { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
button, select, input { font: inherit; color: inherit; }
.badge { display: inline; max-width: 100%; overflow-wrap: anywhere; line-height: 1.7; cursor: pointer; text-align: left; padding: .1em .45em; border: 1px solid #6e7781; border-radius: .25em; background: #f6f8fa; color: #1f2328; font-weight: 400; }
.badge:hover { background: #eaeef2; }
.badge > span:not(.sr) { margin: 0 .2em; }
.more { color: #0b57d0; text-decoration: underline; white-space: nowrap; }
.more::after { content: " ›"; }
.badge:focus-visible, button:focus-visible, a:focus-visible, select:focus-visible, input:focus-visible, summary:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
a, .link, summary { color: #0b57d0; }
.tag { display: inline; padding: 0 .3em; border: 1px solid #57606a; border-radius: .2em; font-size: .9em; }
.tag.demo { border-style: dashed; }
.figure { font-weight: 600; }
.muted { color: #57606a; }
.group-unit { display: inline-block; margin: 0 .5em .15em 0; }
.group-unit > .name { font-weight: 600; margin-right: .25em; }
dialog { width: min(44em, calc(100vw - 32px)); max-height: calc(100vh - 32px); overflow: auto; padding: 0; border: 1px solid #57606a; border-radius: .5em; background: #fff; color: #1f2328; box-shadow: 0 8px 24px rgba(0,0,0,.25); }
dialog::backdrop { background: rgba(0,0,0,.35); }
.details { padding: 1em 1.25em; container-type: inline-size; }
.details h2 { font-size: 1.3em; margin: 0 0 .25em; overflow-wrap: break-word; }
.details h3 { font-size: 1.1em; margin: 1em 0 .3em; }
.details p { margin: .3em 0; }
/* Above the title, not beside it: a long name at the largest text keeps the whole width. */
.close { display: block; margin: 0 0 .3em auto; }
.demo-banner { border: 2px dashed #1f2328; padding: .3em .6em; font-weight: 600; background: repeating-linear-gradient(135deg, #fff 0 .6em, #eef0f2 .6em 1.2em); }
.actions { display: flex; flex-wrap: wrap; gap: .5em; margin: .6em 0; }
.actions button, .report button, .close, .entry { border: 1px solid #57606a; background: #f6f8fa; border-radius: .25em; padding: .3em .7em; cursor: pointer; }
.link { border: 0; background: none; padding: 0; text-decoration: underline; cursor: pointer; }
.report { border: 1px solid #8c959f; border-radius: .4em; padding: .4em .75em .6em; margin: .5em 0; }
.report select { max-width: 100%; }
.facts { margin: 0; }
.facts > div { display: flex; flex-wrap: wrap; column-gap: 1em; padding: .25em 0; border-bottom: 1px solid #d8dee4; }
.facts dt { flex: 1 1 10em; min-width: 0; font-weight: 600; overflow-wrap: anywhere; }
.facts dd { flex: 2 1 14em; min-width: 0; margin: 0; overflow-wrap: anywhere; }
.figures { width: 100%; table-layout: fixed; border-collapse: collapse; margin: .2em 0 .4em; }
.figures th, .figures td { text-align: left; vertical-align: top; padding: .3em .35em; border-bottom: 1px solid #d8dee4; overflow-wrap: anywhere; font-weight: 400; }
.figures thead th { font-weight: 600; font-size: .9em; }
.figures thead th:first-child { width: 30%; }
.figures tbody th { font-weight: 600; }
.line { display: block; }
.explain summary { cursor: pointer; text-decoration: underline; font-weight: 400; font-size: .9em; }
.explain p { font-weight: 400; }
@container (max-width: 36em) {
  .figures, .figures tbody, .figures tr, .figures th, .figures td { display: block; width: auto; }
  .figures thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  .figures tr { border-bottom: 1px solid #8c959f; padding: .3em 0; }
  .figures th, .figures td { border: 0; padding: .1em 0; }
  .figures td::before { content: attr(data-label) ": "; font-weight: 600; }
}
.scale { position: relative; height: 6.2em; margin: 0 1em .5em; }
.axis { position: absolute; left: 0; right: 0; top: 4.7em; border-top: 2px solid #6e7781; }
.tick { position: absolute; top: 6.1em; transform: translateX(-50%); font-size: .8em; color: #57606a; line-height: 1; }
.marker { position: absolute; transform: translateX(-50%); line-height: 1; }
.marker::after { content: ""; position: absolute; left: 50%; top: 1.3em; border-left: 1px dotted #57606a; }
.lane-0 { top: 0; } .lane-0::after { height: 3.4em; }
.lane-1 { top: 1.55em; } .lane-1::after { height: 1.85em; }
.lane-2 { top: 3.1em; } .lane-2::after { height: .3em; }
.legend, .source { font-size: .85em; color: #57606a; }
.entry { display: inline-block; font-size: max(1em, 1rem); font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1f2328; }
`;
