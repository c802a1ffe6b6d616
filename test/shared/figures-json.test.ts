import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  FIGURE_COLUMNS,
  figuresJsonDocument,
  figuresJsonSchema,
  REQUIRED_FIGURE_COLUMNS,
} from '../../shared/figures';
import { fixture, onlyProblem, problemsOf, rowsOf, VALID } from '../fixtures/figures/helpers';

const document = (rows: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'indikatorvarden', version: 1, rows, ...extra });

const jsonRow = { ...VALID, varde: 0.82, antal: 143 };

describe('the JSON form', () => {
  it('reads numbers as numbers or as texts with a decimal comma, and null as missing', () => {
    const [row] = rowsOf(document([{ ...jsonRow, enhet: null, ki_lag: '0,8', ki_hog: 0.9 }]));
    expect(row).toMatchObject({
      line: 1,
      scope: 'region',
      value: 0.82,
      count: 143,
      confidenceInterval: { low: 0.8, high: 0.9 },
    });
  });

  it('numbers its rows from 1 and checks values by the same rules as CSV', () => {
    expect(
      problemsOf(document([jsonRow, { ...jsonRow, enhet: 'SE2321000040-SYNT0002', varde: 82 }])),
    ).toEqual([
      expect.objectContaining({
        line: 2,
        column: 'varde',
        message: expect.stringMatching(/utanför skalan 0–1/),
      }),
    ]);
  });

  it('refuses the wrong format, version, keys and JSON types, each once', () => {
    expect(problemsOf(JSON.stringify({ format: 'utforarregister', version: 2, rows: [], extra: 1 }))).toEqual(
      [
        expect.objectContaining({ line: null, column: 'extra' }),
        expect.objectContaining({ column: 'format', value: 'utforarregister' }),
        expect.objectContaining({ column: 'version', value: '2' }),
      ],
    );
    expect(problemsOf(document([{ ...jsonRow, kalla: 5, okand: 'x' }, 'rad']))).toEqual([
      expect.objectContaining({
        line: 1,
        column: 'kalla',
        message: 'kalla ska vara en text inom citattecken',
      }),
      expect.objectContaining({ line: 1, column: 'okand' }),
      expect.objectContaining({
        line: 2,
        message: 'raden ska vara ett objekt med kolumnernas namn som nycklar',
      }),
    ]);
    // Placed, as in a register: where the text stops being JSON.
    expect(onlyProblem('{"format": "indikatorvarden",').message).toMatch(
      /^filen är inte giltig JSON \(fel nära tecken \d+, textrad 1\)$/,
    );
    // Nested deeper than any figures file needs: refused before parsing, with where.
    expect(onlyProblem(`{"rows": [${'['.repeat(50)}${']'.repeat(50)}]}`).message).toMatch(
      /nästlad djupare än 10 nivåer \(textrad 1, tecken \d+\)/,
    );
    expect(onlyProblem(document([])).message).toMatch(/^rows är tom/);
  });

  it('says the same thing as the CSV example it mirrors', () => {
    const withoutLine = ({ line: _line, ...rest }: ReturnType<typeof rowsOf>[number]) => rest;
    const fromCsv = rowsOf(fixture('../../../examples/indikatorvarden-exempel.csv'));
    const fromJson = rowsOf(fixture('exempel.json'));
    expect(fromJson.map(withoutLine)).toEqual(fromCsv.map(withoutLine));
    expect(fromCsv.filter((r) => r.missingReason === 'too_few_respondents')).toHaveLength(2);
  });
});

describe('the JSON Schema', () => {
  const committed = JSON.parse(
    readFileSync(new URL('../../docs/indikatorvarden-v1.schema.json', import.meta.url), 'utf8'),
  ) as Schema;

  it('is the one generated from the zod schema (run scripts/generate-figures-schema.ts)', () => {
    expect(committed).toEqual(figuresJsonSchema());
  });

  it('is draft 2020-12 and describes every column, requiring the required ones except enhet and varde', () => {
    expect(committed.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const rowSchema = committed.properties?.rows?.items;
    expect(Object.keys(rowSchema?.properties ?? {}).sort()).toEqual([...FIGURE_COLUMNS].sort());
    expect([...(rowSchema?.required ?? [])].sort()).toEqual(
      REQUIRED_FIGURE_COLUMNS.filter((c) => c !== 'enhet' && c !== 'varde').sort(),
    );
  });

  it('accepts the example, checked by the schema file itself and by zod', () => {
    const example = JSON.parse(new TextDecoder().decode(fixture('exempel.json')));
    expect(validate(committed, example)).toEqual([]);
    expect(figuresJsonDocument.safeParse(example).success).toBe(true);
  });

  it('rejects what it should (so the check above means something)', () => {
    const bad = JSON.parse(
      document([{ ...jsonRow, period: '2025-H3', antal: -1, extra: 1 }, { huvudman: 'x' }]),
    );
    expect(validate(committed, bad)).toEqual([
      '/rows/0/period: pattern',
      '/rows/0/antal: no anyOf branch matches',
      '/rows/0/extra: not allowed',
      '/rows/1/huvudman: pattern',
      ...['tjanst', 'indikator', 'period', 'kalla', 'kalla_url', 'publicerad'].map(
        (c) => `/rows/1: missing ${c}`,
      ),
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
  minimum?: number;
  maximum?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: Schema;
  anyOf?: Schema[];
}

const KNOWN = new Set([
  ...['$schema', 'title', 'description', 'format', 'type', 'const', 'enum', 'pattern', 'minLength'],
  ...['minimum', 'maximum', 'properties', 'required', 'additionalProperties', 'items', 'anyOf'],
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
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) errors.push(`${at}: below minimum`);
    if (schema.maximum !== undefined && value > schema.maximum) errors.push(`${at}: above maximum`);
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
