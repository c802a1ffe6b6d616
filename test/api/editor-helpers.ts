/** What `app.request('/path')` is addressed to: the origin a same-origin form comes from. */
export const ORIGIN = 'http://localhost';

export interface EditorClient {
  cookie: string | null;
  get(path: string): Promise<Response>;
  /** A form POST as the page's own form sends it (same origin), unless headers say otherwise. */
  post(
    path: string,
    fields: Record<string, string>,
    options?: { headers?: Record<string, string>; file?: { name: string; bytes: Uint8Array | string } },
  ): Promise<Response>;
  /** Signs in with the token; throws unless the page answered with a session. */
  signIn(token: string): Promise<void>;
  /** The form token of the signed-in session, as the pages' forms carry it. */
  formToken(): Promise<string>;
}

function sessionCookieOf(res: Response): string | null | undefined {
  const header = res.headers.getSetCookie().find((c) => c.startsWith('editor_session='));
  if (header === undefined) return undefined;
  const value = header.split(';')[0]!;
  return /^editor_session=$/.test(value) || /Max-Age=0/i.test(header) ? null : value;
}

/** A browser-like client: keeps the session cookie, sends forms from the page's own origin. */
/** Anything with Hono's `request`: createApp's app, or a router mounted on its own. */
export interface RequestTarget {
  request(input: string, init?: RequestInit): Response | Promise<Response>;
}

export function editorClient(app: RequestTarget): EditorClient {
  const client: EditorClient = {
    cookie: null,
    async get(path) {
      const res = await app.request(path, { headers: client.cookie ? { Cookie: client.cookie } : {} });
      const cookie = sessionCookieOf(res);
      if (cookie !== undefined) client.cookie = cookie;
      return res;
    },
    async post(path, fields, options = {}) {
      let body: FormData | URLSearchParams;
      if (options.file) {
        const form = new FormData();
        for (const [k, v] of Object.entries(fields)) form.set(k, v);
        form.set('file', new Blob([options.file.bytes as BlobPart]), options.file.name);
        body = form;
      } else {
        body = new URLSearchParams(fields);
      }
      const res = await app.request(path, {
        method: 'POST',
        body,
        headers: {
          Origin: ORIGIN,
          ...(client.cookie ? { Cookie: client.cookie } : {}),
          ...options.headers,
        },
      });
      const cookie = sessionCookieOf(res);
      if (cookie !== undefined) client.cookie = cookie;
      return res;
    },
    async signIn(token) {
      const res = await client.post('/editor/sign-in', { token });
      if (res.status !== 303 || !client.cookie) throw new Error(`sign-in answered ${res.status}`);
    },
    async formToken() {
      const page = await (await client.get('/editor/')).text();
      const token = /name="_csrf" value="([^"]+)"/.exec(page)?.[1];
      if (!token) throw new Error('no form token on /editor/: not signed in?');
      return token;
    },
  };
  return client;
}

/** The text of a page without its markup, whitespace collapsed, for asserting what a person reads. */
export function visibleText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "Granska": the file sent through the page's own form, as a browser sends it. */
export async function reviewFile(
  browser: EditorClient,
  bytes: string | Uint8Array,
  name = 'register.csv',
): Promise<{ res: Response; page: string }> {
  const res = await browser.post(
    '/editor/register/review',
    { _csrf: await browser.formToken() },
    { file: { name, bytes: typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes } },
  );
  return { res, page: await res.text() };
}

/** The reviewed file's hash the Publicera form carries; throws when the page has no Publicera form. */
export function reviewHash(page: string): string {
  const hash = /name="review" value="([0-9a-f]{64})"/.exec(page)?.[1];
  if (!hash) throw new Error('no Publicera form on the page');
  return hash;
}

/** The problems table of a problems page, row by row, as the cells read. */
export function problemRows(page: string): string[][] {
  const body = /<table class="problems">[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(page)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) => visibleText(cell[1]!)),
  );
}

/** Windows-1252's characters for the bytes 0x80-0x9F (the five it leaves undefined stand for themselves). */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * Text as Excel on a Swedish Windows machine saves "CSV (semikolonavgränsad)": Windows-1252, one byte
 * a character. Written out here, apart from the register reader under test; a character the code page
 * lacks throws.
 */
export function windows1252(text: string): Uint8Array {
  return Uint8Array.from([...text], (char) => {
    const code = char.codePointAt(0)!;
    const high = WINDOWS_1252_HIGH.indexOf(char);
    if (high !== -1) return 0x80 + high;
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
    throw new RangeError(`Windows-1252 has no ${char}`);
  });
}
