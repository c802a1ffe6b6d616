import { problem, type RegisterProblem, shorten } from './problem';

/**
 * The envelope both JSON file kinds share, `{ "format": …, "version": 1, "rows": [ … ] }`: nesting
 * bounded before parsing, a syntax error placed by character and line, unknown top-level keys, the
 * format and version checked. The register (shared/register/json.ts) and the figures file
 * (shared/figures/json.ts) then read the rows, each by its own columns.
 */

/**
 * The deepest nesting of objects and arrays read. A register needs four levels; anything deeper is a
 * mistake, and thousands of levels would overflow the stack of whatever walks the value later.
 */
export const MAX_JSON_DEPTH = 10;

export interface JsonEnvelope {
  format: string;
  version: number;
  /** What one row is, for "en lista med … per objekt": "en utförare", "ett värde" */
  rowNoun: string;
  /** Why the depth limit is ample, for its message */
  levels: string;
}

/** The rows, with any problems of the envelope itself; `rows` is null when there are none to read. */
export interface EnvelopeRead {
  rows: unknown[] | null;
  problems: RegisterProblem[];
}

export function readJsonEnvelope(text: string, envelope: JsonEnvelope): EnvelopeRead {
  const fail = (message: string): EnvelopeRead => ({ rows: null, problems: [problem(null, null, message)] });
  const tooDeep = nestingBeyond(text, MAX_JSON_DEPTH);
  if (tooDeep !== null) {
    const line = text.slice(0, tooDeep).split('\n').length;
    return fail(
      `JSON-filen är nästlad djupare än ${MAX_JSON_DEPTH} nivåer (textrad ${line}, tecken ${tooDeep + 1}); ` +
        envelope.levels,
    );
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return fail(`filen är inte giltig JSON${jsonErrorPlace(text, error)}`);
  }
  if (!isObject(document)) {
    return fail(
      `JSON-filen ska vara ett objekt: { "format": "${envelope.format}", "version": ${envelope.version}, "rows": [ … ] }`,
    );
  }

  const problems: RegisterProblem[] = [];
  for (const key of Object.keys(document)) {
    if (!['$schema', 'format', 'version', 'rows'].includes(key)) {
      problems.push(
        problem(null, key, `okänd nyckel '${shorten(key)}'; tillåtna är format, version, rows och $schema`),
      );
    }
  }
  if (document.format !== envelope.format) {
    problems.push(problem(null, 'format', `format ska vara "${envelope.format}"`, describe(document.format)));
  }
  if (document.version !== envelope.version) {
    problems.push(
      problem(
        null,
        'version',
        `version ska vara ${envelope.version}; den här läsaren känner bara till version ${envelope.version}`,
        describe(document.version),
      ),
    );
  }
  if (!Array.isArray(document.rows)) {
    problems.push(
      problem(
        null,
        'rows',
        `rows saknas eller är ingen lista; den ska vara en lista med ${envelope.rowNoun} per objekt`,
      ),
    );
    return { rows: null, problems };
  }
  return { rows: document.rows, problems };
}

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

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as a problem shows it: text as it is, anything else as JSON. */
export function describe(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
}

/** " (fel nära tecken 42, textrad 3)" from the engine's message, when it says where the error is. */
function jsonErrorPlace(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const position = /position (\d+)/.exec(message)?.[1];
  if (position === undefined) return '';
  const offset = Number(position);
  const line = text.slice(0, offset).split('\n').length;
  return ` (fel nära tecken ${offset + 1}, textrad ${line})`;
}
