import { isListColumn, isRegisterColumn, REGISTER_COLUMNS, type RegisterColumn } from './columns';
import { ProblemList, problem, type RegisterProblem, shorten } from './problem';
import type { RawRow, ReadResult } from './types';

export const REGISTER_FORMAT = 'utforarregister';
export const REGISTER_VERSION = 1;

/**
 * The deepest nesting of objects and arrays read. A register needs four levels; anything deeper is a
 * mistake, and thousands of levels would overflow the stack of whatever walks the value later.
 */
export const MAX_JSON_DEPTH = 10;

/** The offset of the first "{" or "[" that opens a level beyond `max`, outside strings; null if none. */
export function nestingBeyond(text: string, max: number): number | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c)
        i++; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x7b || char === 0x5b) {
      depth++;
      if (depth > max) return i;
    } else if (char === 0x7d || char === 0x5d) {
      depth--;
    }
  }
  return null;
}

/**
 * Reads the JSON form `{ "format": "utforarregister", "version": 1, "rows": [ … ] }` into raw rows.
 * Only the shape is checked here (text, lists, yes/no); values are checked by the same rules as CSV.
 * A problem's line is the row's position in `rows`, counted from 1.
 */
export function readJsonRegister(text: string): ReadResult {
  const empty = (problems: RegisterProblem[] | ProblemList): ReadResult => {
    const list = problems instanceof ProblemList ? problems : new ProblemList();
    if (Array.isArray(problems)) list.push(...problems);
    return { rows: [], columns: new Set(), problems: list, delimiter: null };
  };
  const tooDeep = nestingBeyond(text, MAX_JSON_DEPTH);
  if (tooDeep !== null) {
    const line = text.slice(0, tooDeep).split('\n').length;
    return empty([
      problem(
        null,
        null,
        `JSON-filen är nästlad djupare än ${MAX_JSON_DEPTH} nivåer (textrad ${line}, tecken ${tooDeep + 1}); ` +
          'ett register har fyra: objektet, listan rows, en rad och en lista i raden',
      ),
    ]);
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return empty([problem(null, null, `filen är inte giltig JSON${jsonErrorPlace(text, error)}`)]);
  }
  if (!isObject(document)) {
    return empty([
      problem(
        null,
        null,
        `JSON-filen ska vara ett objekt: { "format": "${REGISTER_FORMAT}", "version": 1, "rows": [ … ] }`,
      ),
    ]);
  }

  const problems = new ProblemList();
  for (const key of Object.keys(document)) {
    if (!['$schema', 'format', 'version', 'rows'].includes(key)) {
      problems.push(
        problem(null, key, `okänd nyckel '${shorten(key)}'; tillåtna är format, version, rows och $schema`),
      );
    }
  }
  if (document.format !== REGISTER_FORMAT) {
    problems.push(problem(null, 'format', `format ska vara "${REGISTER_FORMAT}"`, describe(document.format)));
  }
  if (document.version !== REGISTER_VERSION) {
    problems.push(
      problem(
        null,
        'version',
        `version ska vara ${REGISTER_VERSION}; den här läsaren känner bara till version 1`,
        describe(document.version),
      ),
    );
  }
  if (!Array.isArray(document.rows)) {
    problems.push(
      problem(
        null,
        'rows',
        'rows saknas eller är ingen lista; den ska vara en lista med en utförare per objekt',
      ),
    );
    return empty(problems);
  }

  const rows: RawRow[] = [];
  document.rows.forEach((item: unknown, index: number) => {
    const line = index + 1;
    if (!isObject(item)) {
      problems.push(problem(line, null, 'raden ska vara ett objekt med kolumnernas namn som nycklar'));
      return;
    }
    const values = new Map<RegisterColumn, string | readonly string[]>();
    const unreadable = new Set<RegisterColumn>();
    for (const [key, value] of Object.entries(item)) {
      const shaped = shapeValue(key, value);
      if (shaped === null) continue;
      if (typeof shaped === 'object' && 'message' in shaped) {
        problems.push(problem(line, key, shaped.message, describe(value)));
        if (isRegisterColumn(key)) unreadable.add(key);
      } else {
        values.set(key as RegisterColumn, shaped);
      }
    }
    rows.push({ line, values, unreadable });
  });
  return { rows, columns: new Set(REGISTER_COLUMNS), problems, delimiter: null };
}

/** The value in raw-row form, null for "not given", or a message when its JSON type is wrong. */
function shapeValue(key: string, value: unknown): string | readonly string[] | null | { message: string } {
  if (!isRegisterColumn(key)) {
    return { message: `okänd nyckel '${shorten(key)}'. Tillåtna nycklar: ${REGISTER_COLUMNS.join(', ')}` };
  }
  if (value === null || value === undefined) return null;
  if (isListColumn(key)) {
    return Array.isArray(value) && value.every((item) => typeof item === 'string')
      ? value
      : { message: `${key} ska vara en lista med texter, till exempel ["första", "andra"]` };
  }
  if (key === 'tar_emot_nya' && typeof value === 'boolean') return value ? 'ja' : 'nej';
  if (typeof value === 'string') return value;
  return {
    message: `${key} ska vara en text inom citattecken${key === 'tar_emot_nya' ? ', true eller false' : ''}`,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
}

/** " (nära tecken 42, textrad 3)" from the engine's message, when it says where the error is. */
function jsonErrorPlace(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const position = /position (\d+)/.exec(message)?.[1];
  if (position === undefined) return '';
  const offset = Number(position);
  const line = text.slice(0, offset).split('\n').length;
  return ` (fel nära tecken ${offset + 1}, textrad ${line})`;
}
