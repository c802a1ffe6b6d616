import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  formatProblem,
  parseRegister,
  REGISTER_COLUMNS,
  REQUIRED_COLUMNS,
  registerJsonDocument,
  registerJsonSchema,
} from '../../shared/register';
import { fixture, onlyProblem, problemsOf, rowsOf, TODAY } from '../fixtures/register/helpers';

const row = {
  huvudman: '0581',
  tjanst: 'hemtjanst',
  namn: 'Exempelomsorg AB',
  regi: 'privat',
  verifierad: '2026-10-01',
};
const document = (rows: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'utforarregister', version: 1, rows, ...extra });

describe('the JSON form', () => {
  it('is sniffed and read with the same rules as CSV; a problem’s line is the row’s position from 1', () => {
    const result = parseRegister(document([row, { ...row, namn: 'Demo AB', regi: 'privt' }]), {
      today: TODAY,
    });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      "rad 2, kolumn regi: 'privt' är inte ett tillåtet värde (egen_regi, privat, ideburen)",
    ]);
    expect(parseRegister(document([row]), { today: TODAY })).toMatchObject({
      ok: true,
      format: 'json',
      delimiter: null,
    });
  });

  it('takes lists as arrays and tar_emot_nya as a boolean or ja/nej', () => {
    const rows = rowsOf(
      document([
        { ...row, sprak: ['fi', 'AR'], alias: ['Exempel Norr'], tar_emot_nya: true },
        { ...row, namn: 'B', tar_emot_nya: 'nej', omfattning: [] },
        { ...row, namn: 'C', tar_emot_nya: null, id: null },
      ]),
    );
    expect(rows.map((r) => [r.line, r.languages, r.aliases, r.acceptsNewClients, r.registerId])).toEqual([
      [1, ['fi', 'ar'], ['Exempel Norr'], true, null],
      [2, [], [], false, null],
      [3, [], [], null, null],
    ]);
  });

  it('refuses a list item holding |, which separates the items in CSV and XLSX', () => {
    const problem = onlyProblem(document([{ ...row, alias: ['Exempel | Norr'] }]));
    expect(problem).toMatchObject({ line: 1, column: 'alias' });
    expect(problem.message).toContain('värde 1 innehåller |');
  });

  it('reports values of the wrong JSON type without also calling them missing', () => {
    const problems = problemsOf(document([{ ...row, huvudman: 581, sprak: 'fi', tar_emot_nya: 1 }]));
    expect(problems.map((p) => [p.line, p.column, p.value])).toEqual([
      [1, 'huvudman', '581'],
      [1, 'sprak', 'fi'],
      [1, 'tar_emot_nya', '1'],
    ]);
    expect(problems[1]!.message).toContain('ska vara en lista');
  });

  it('reports unknown keys, missing required keys and rows that are not objects', () => {
    const problems = problemsOf(document([{ ...row, kommentar: 'x', namn: undefined }, 'rad']));
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [1, 'kommentar'],
      [1, 'namn'],
      [2, null],
    ]);
  });

  it('checks the envelope: format, version, rows, no other keys', () => {
    const envelope = problemsOf(JSON.stringify({ format: 'annat', version: 2, rows: [row], extra: true }));
    expect(envelope.map((p) => [p.line, p.column])).toEqual([
      [null, 'extra'],
      [null, 'format'],
      [null, 'version'],
    ]);
    expect(onlyProblem(JSON.stringify({ format: 'utforarregister', version: 1 }))).toMatchObject({
      column: 'rows',
    });
    expect(onlyProblem('[]').message).toContain('ska vara ett objekt');
    expect(onlyProblem(document([])).message).toContain('rows är tom');
    expect(rowsOf(document([row], { $schema: '../docs/utforarregister-v1.schema.json' }))).toHaveLength(1);
  });

  it('reports JSON that does not parse', () => {
    const problem = onlyProblem('{"format": "utforarregister", "rows": [ }');
    expect(problem).toMatchObject({ line: null, column: null });
    expect(problem.message).toMatch(/^filen är inte giltig JSON/);
  });

  it('reads JSON from bytes, and as JSON only when told to', () => {
    expect(rowsOf(new TextEncoder().encode(document([row])))).toHaveLength(1);
    expect(rowsOf(` \n${document([row])}`, 'json')).toHaveLength(1);
  });

  it('finds duplicates as in CSV, naming the earlier row', () => {
    const problem = onlyProblem(document([row, { ...row, namn: 'exempelomsorg' }]));
    expect(problem).toMatchObject({ line: 2, column: 'namn' });
    expect(problem.message).toContain('finns redan på rad 1');
  });
});

describe('the examples', () => {
  const csvRows = rowsOf(fixture('../../../examples/utforarregister-exempel.csv'));
  const jsonRows = rowsOf(fixture('../../../examples/utforarregister-exempel.json'));

  it('are valid, semicolon-separated with a BOM as Excel writes, for one kommun and two services', () => {
    const bytes = fixture('../../../examples/utforarregister-exempel.csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parseRegister(bytes, { today: TODAY })).toMatchObject({ ok: true, delimiter: ';' });
    expect(new Set(csvRows.map((r) => r.huvudman))).toEqual(new Set(['0581']));
    expect(new Set(csvRows.map((r) => r.service))).toEqual(new Set(['hemtjanst', 'sarskilt_boende']));
  });

  it('say the same thing in CSV and JSON', () => {
    const withoutLine = ({ line: _line, ...rest }: (typeof csvRows)[number]) => rest;
    expect(jsonRows.map(withoutLine)).toEqual(csvRows.map(withoutLine));
  });
});

describe('the JSON Schema', () => {
  const committed = JSON.parse(
    readFileSync(new URL('../../docs/utforarregister-v1.schema.json', import.meta.url), 'utf8'),
  ) as Schema;

  it('is the one generated from the zod schema (run scripts/generate-register-schema.ts)', () => {
    expect(committed).toEqual(registerJsonSchema());
  });

  it('is draft 2020-12 and describes every column, requiring the required ones', () => {
    expect(committed.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const rowSchema = committed.properties?.rows?.items;
    expect(Object.keys(rowSchema?.properties ?? {})).toEqual([...REGISTER_COLUMNS]);
    expect(rowSchema?.required).toEqual([...REQUIRED_COLUMNS]);
  });

  it('accepts the example JSON file, checked by the schema file itself and by zod', () => {
    const example = JSON.parse(
      readFileSync(new URL('../../examples/utforarregister-exempel.json', import.meta.url), 'utf8'),
    );
    expect(validate(committed, example)).toEqual([]);
    expect(registerJsonDocument.safeParse(example).success).toBe(true);
  });

  it('publishes the size limits of the reader (defect 2 of issue 16)', () => {
    const long = JSON.parse(
      document([{ ...row, namn: 'n'.repeat(201), alias: Array.from({ length: 21 }, (_, i) => `a${i}`) }]),
    );
    expect(validate(committed, long)).toEqual([
      '/rows/0/namn: too long',
      '/rows/0/alias: no anyOf branch matches',
    ]);
    const rowSchema = committed.properties?.rows?.items;
    expect(rowSchema?.properties?.namn?.maxLength).toBe(200);
  });

  it('rejects what it should (so the check above means something)', () => {
    const bad = JSON.parse(document([{ ...row, regi: 'privt', sprak: 'fi', extra: 1 }, { namn: 'x' }]));
    expect(validate(committed, bad)).toEqual([
      '/rows/0/regi: not in enum',
      '/rows/0/sprak: no anyOf branch matches',
      '/rows/0/extra: not allowed',
      '/rows/1: missing huvudman',
      '/rows/1: missing tjanst',
      '/rows/1: missing regi',
      '/rows/1: missing verifierad',
    ]);
  });
});

/** The subset of JSON Schema the generated file uses; any other keyword fails the test instead of passing. */
interface Schema {
  $schema?: string;
  type?: string;
  const?: unknown;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: Schema;
  maxItems?: number;
  anyOf?: Schema[];
}

const KNOWN = new Set([
  ...['$schema', 'title', 'description', 'format', 'type', 'const', 'enum', 'pattern'],
  ...['minLength', 'maxLength', 'properties', 'required', 'additionalProperties', 'items', 'maxItems'],
  'anyOf',
]);

function validate(schema: Schema, value: unknown, path = ''): string[] {
  const unknown = Object.keys(schema).filter((key) => !KNOWN.has(key));
  if (unknown.length > 0) throw new Error(`schema keyword(s) the test validator does not know: ${unknown}`);
  const at = path || '/';
  if (schema.anyOf) {
    return schema.anyOf.some((branch) => validate(branch, value, path).length === 0)
      ? []
      : [`${at}: no anyOf branch matches`];
  }
  if (schema.type && !hasType(schema.type, value)) return [`${at}: not ${schema.type}`];
  if ('const' in schema && value !== schema.const) return [`${at}: not ${JSON.stringify(schema.const)}`];
  if (schema.enum && !schema.enum.includes(value)) return [`${at}: not in enum`];
  const errors: string[] = [];
  if (typeof value === 'string') {
    if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value)) errors.push(`${at}: pattern`);
    if (schema.minLength !== undefined && value.length < schema.minLength) errors.push(`${at}: too short`);
    if (schema.maxLength !== undefined && value.length > schema.maxLength) errors.push(`${at}: too long`);
  }
  if (Array.isArray(value) && schema.maxItems !== undefined && value.length > schema.maxItems) {
    errors.push(`${at}: too many items`);
  }
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, i) => {
      errors.push(...validate(schema.items!, item, `${path}/${i}`));
    });
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const object = value as Record<string, unknown>;
    for (const [key, item] of Object.entries(object)) {
      const property = schema.properties?.[key];
      if (property) errors.push(...validate(property, item, `${path}/${key}`));
      else if (schema.additionalProperties === false) errors.push(`${path}/${key}: not allowed`);
    }
    for (const key of schema.required ?? []) if (!(key in object)) errors.push(`${at}: missing ${key}`);
  }
  return errors;
}

function hasType(type: string, value: unknown): boolean {
  if (type === 'null') return value === null;
  if (type === 'array') return Array.isArray(value);
  if (type === 'object') return typeof value === 'object' && value !== null && !Array.isArray(value);
  if (type === 'integer') return Number.isInteger(value);
  return typeof value === type;
}

describe('deeply nested JSON (issue 16, defect 5)', () => {
  const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

  it('is refused with a clear problem naming the depth and the place, before it is parsed', () => {
    for (const n of [5_000, 200_000]) {
      const inValue = `{"format":"utforarregister","version":1,"rows":[\n{"huvudman":"0581","namn":${deep(n)}}]}`;
      const problem = onlyProblem(inValue);
      expect(problem).toMatchObject({ line: null, column: null });
      expect(problem.message).toContain('djupare än 10 nivåer');
      expect(problem.message).toContain('textrad 2');
      expect(onlyProblem(`{"rows":${deep(n)}}`).message).toContain('djupare än 10 nivåer');
    }
  });

  it('still reads a value of the wrong shape a few levels deep as a type problem', () => {
    const problem = onlyProblem(document([{ ...row, alias: [['Exempel']] }]));
    expect(problem).toMatchObject({ line: 1, column: 'alias' });
  });

  it('counts brackets inside strings as text', () => {
    expect(rowsOf(document([{ ...row, namn: `Omsorg ${'['.repeat(50)} AB` }]))[0]!.name).toContain('[[[');
  });
});
