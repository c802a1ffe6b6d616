/**
 * The editors' page's one stylesheet, served from /editor/style.css so the pages' policy can be
 * `style-src 'self'` (no inline styles). Sizes are in rem: at 200 % text everything grows and wraps;
 * wide tables scroll inside their own focusable region instead of the page.
 * Colours meet WCAG AA contrast on white (text #1b1b1b, links #0b4f8a, errors #a4000f).
 */
export const EDITOR_CSS = `
*, *::before, *::after { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.5; color: #1b1b1b; background: #fff; }
body { margin: 0; font-size: 1.0625rem; }
a { color: #0b4f8a; text-underline-offset: 0.15em; }
a:hover { color: #06325a; }
:focus-visible { outline: 3px solid #b35c00; outline-offset: 2px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.skip { position: absolute; left: -100vw; top: 0; background: #fff; padding: 0.5rem 1rem; z-index: 1; }
.skip:focus { left: 0.5rem; top: 0.5rem; }
header.site { background: #f1f4f7; border-bottom: 1px solid #c5ced8; padding: 0.5rem 1rem; }
.bar, .who { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: center; justify-content: space-between; max-width: 68rem; margin: 0 auto; }
.bar p, .who p { margin: 0.25rem 0; }
.brand a { font-weight: 700; color: #1b1b1b; text-decoration: none; font-size: 1.125rem; }
nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; margin: 0.5rem auto 0; padding: 0; max-width: 68rem; }
nav a { display: inline-block; padding: 0.25rem 0; }
nav a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
main { display: block; max-width: 68rem; margin: 0 auto; padding: 1rem 1rem 3rem; }
main:focus { outline: none; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 1rem 0 0.75rem; }
h2 { font-size: 1.375rem; line-height: 1.3; margin: 2rem 0 0.5rem; }
h3 { font-size: 1.125rem; margin: 1.5rem 0 0.5rem; }
p, li { max-width: 44rem; }
footer.site { border-top: 1px solid #c5ced8; padding: 1rem; color: #3d3d3d; font-size: 0.9375rem; }
footer.site p { max-width: 68rem; margin: 0 auto; }
form { margin: 0.75rem 0; }
fieldset { border: 1px solid #8a949e; padding: 0.75rem 1rem; margin: 1rem 0; }
legend { font-weight: 700; padding: 0 0.25rem; }
label { display: block; font-weight: 700; margin: 0.5rem 0 0.25rem; }
label.inline { display: inline; font-weight: 400; margin: 0 0 0 0.25rem; }
.hint { color: #3d3d3d; margin: 0 0 0.5rem; }
input[type="password"], input[type="file"], select { font: inherit; max-width: 100%; padding: 0.375rem 0.5rem; border: 2px solid #555; border-radius: 2px; background: #fff; }
input[type="password"] { width: 32rem; }
input[aria-invalid="true"] { border-color: #a4000f; }
input[type="checkbox"] { width: 1.25rem; height: 1.25rem; vertical-align: middle; }
button { font: inherit; font-weight: 700; padding: 0.5rem 1.125rem; border: 2px solid #0b4f8a; border-radius: 3px; background: #0b4f8a; color: #fff; cursor: pointer; }
button:hover { background: #06325a; border-color: #06325a; }
button.secondary { background: #fff; color: #0b4f8a; }
button.secondary:hover { background: #e8f0f8; }
.sign-out { margin: 0; }
.sign-out button { padding: 0.25rem 0.75rem; }
.inline-form { display: inline-block; margin: 0.25rem 0.5rem 0.25rem 0; }
.error-summary { border: 3px solid #a4000f; padding: 0.75rem 1rem; margin: 1rem 0; }
.error-summary h2 { margin-top: 0; color: #a4000f; }
.error { color: #a4000f; font-weight: 700; margin: 0.25rem 0; }
.notice { border-left: 6px solid #0b4f8a; background: #eef4fa; padding: 0.75rem 1rem; margin: 1rem 0; }
.notice.success { border-color: #1d6b2f; background: #edf7ef; }
.notice.warning { border-color: #b35c00; background: #fdf3e7; }
.notice > :first-child { margin-top: 0; }
.notice > :last-child { margin-bottom: 0; }
.table-scroll { overflow-x: auto; margin: 0.5rem 0 1rem; }
table { border-collapse: collapse; min-width: 100%; }
caption { text-align: left; font-weight: 700; padding: 0.25rem 0; }
th, td { text-align: left; vertical-align: top; padding: 0.375rem 0.625rem; border-bottom: 1px solid #c5ced8; }
thead th { border-bottom: 2px solid #555; white-space: nowrap; }
td.value, .value { font-family: ui-monospace, "Cascadia Mono", Menlo, Consolas, monospace; font-size: 0.9375rem; overflow-wrap: anywhere; }
.empty { color: #3d3d3d; font-style: italic; font-family: inherit; }
del { text-decoration: line-through; color: #5a1a1a; }
ins { text-decoration: none; font-weight: 700; }
dl.counts { display: grid; grid-template-columns: max-content auto; gap: 0.25rem 1rem; }
dl.counts dt { font-weight: 700; }
dl.counts dd { margin: 0; }
details { margin: 0.5rem 0; }
summary { cursor: pointer; font-weight: 700; }
.cards { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 1rem; max-width: none; }
.cards li { border: 1px solid #c5ced8; padding: 0.75rem 1rem; max-width: none; }
.cards h2 { margin-top: 0; font-size: 1.25rem; }
code { font-family: ui-monospace, "Cascadia Mono", Menlo, Consolas, monospace; font-size: 0.9375em; }
`;
