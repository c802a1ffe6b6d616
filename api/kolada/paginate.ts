import type { z } from 'zod';
import { KoladaResponseError } from './errors';
import { koladaPage } from './types';

/** Zod's findings in a few readable lines: "values[3].period: Invalid input ...". */
export function describeIssues(error: z.ZodError, max = 5): string[] {
  const lines = error.issues.slice(0, max).map((issue) => {
    const path = issue.path
      .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
      .join('');
    return `${path || '(svaret)'}: ${issue.message}`;
  });
  if (error.issues.length > max) lines.push(`… och ${error.issues.length - max} fel till`);
  return lines;
}

/**
 * Resolves a page's next link against the page it came from. It must stay on Kolada's host (an
 * http:// link is upgraded when we speak https): a next link must never send the client elsewhere.
 */
function resolveNext(next: string, current: string): string {
  const here = new URL(current);
  let target: URL;
  try {
    target = new URL(next, here);
  } catch {
    throw new KoladaResponseError(current, [`next_url är ingen adress: ${JSON.stringify(next)}`]);
  }
  if (target.hostname !== here.hostname) {
    throw new KoladaResponseError(current, [`next_url leder till en annan värd: ${target.href}`]);
  }
  if (here.protocol === 'https:' && target.protocol === 'http:') target.protocol = 'https:';
  return target.href;
}

export interface PaginateOptions {
  /** More pages than this is treated as a broken answer. */
  maxPages: number;
}

/**
 * Every item of a paged list, following `next_url` (or v2's `next_page`) until there is none.
 * All pages are validated; any bad page throws, so a caller never sees a partial list.
 */
export async function fetchAllPages<Item extends z.ZodType>(
  getJson: (url: string) => Promise<unknown>,
  firstUrl: string,
  item: Item,
  { maxPages }: PaginateOptions,
): Promise<z.output<Item>[]> {
  const schema = koladaPage(item);
  const visited = new Set<string>();
  const items: z.output<Item>[] = [];
  let pages = 0;
  let url: string | null = new URL(firstUrl).href;
  while (url !== null) {
    visited.add(url);
    pages++;
    const parsed = schema.safeParse(await getJson(url));
    if (!parsed.success)
      throw new KoladaResponseError(url, describeIssues(parsed.error), { cause: parsed.error });
    for (const value of parsed.data.values) items.push(value);

    const next: string | null = parsed.data.next === null ? null : resolveNext(parsed.data.next, url);
    if (next !== null && visited.has(next)) {
      throw new KoladaResponseError(url, [`next_url pekar tillbaka på en sida som redan hämtats: ${next}`]);
    }
    if (next !== null && pages >= maxPages) {
      throw new KoladaResponseError(url, [`fler än ${maxPages} sidor; avbryter`]);
    }
    url = next;
  }
  return items;
}
