import { REGISTER_COLUMNS, REQUIRED_COLUMNS } from './columns';
import { columnTableMarkdown } from './definitions';

const OPTIONAL_COLUMNS = REGISTER_COLUMNS.filter((c) => !(REQUIRED_COLUMNS as readonly string[]).includes(c));

/** The documentation text with its column tables (between `<!-- kolumner:NAME -->` markers) made anew. */
export function withColumnTables(markdown: string): string {
  return replaceBetween(
    replaceBetween(markdown, 'obligatoriska', columnTableMarkdown(REQUIRED_COLUMNS)),
    'valfria',
    columnTableMarkdown(OPTIONAL_COLUMNS),
  );
}

function replaceBetween(text: string, name: string, content: string): string {
  const start = `<!-- kolumner:${name} -->`;
  const end = `<!-- /kolumner:${name} -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from === -1 || to < from) throw new Error(`markers ${start} … ${end} not found`);
  return `${text.slice(0, from + start.length)}\n\n${content}\n\n${text.slice(to)}`;
}
