import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRegister } from '../../shared/register';
import { hostileString, STORABLE_HOSTILE_NAMES } from './hostile';
import { tally } from './tally';

const TODAY = '2026-11-23';
const HEADER = 'huvudman;tjanst;namn;regi;verifierad';
const row = (name: string) => `0581;hemtjanst;${name};privat;2026-10-01`;
const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;

/** Runs the parser and records how it ended; it must never throw. */
function parse(kind: string, input: Uint8Array | string, format?: 'csv' | 'json') {
  let result: ReturnType<typeof parseRegister>;
  try {
    result = parseRegister(input, { today: TODAY, format });
  } catch (error) {
    tally('register parser', kind, 'threw!');
    throw error;
  }
  if (!result.ok) {
    expect(result.problems.length).toBeGreaterThan(0);
    for (const p of result.problems) expect(typeof p.message).toBe('string');
  }
  tally('register parser', kind, result.ok ? 'accepted' : 'rejected with problems');
  return result;
}

describe('fuzzing the register parser', () => {
  it('never throws on random bytes, as CSV, JSON or sniffed', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 2000 }),
        fc.constantFrom('csv', 'json', undefined),
        (bytes, format) => {
          parse('random bytes', bytes, format as 'csv' | 'json' | undefined);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on random text after a valid header, or on random JSON', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 500 }), (text) => {
        parse('valid header, random text', `${HEADER}\n${text}`);
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        parse('random JSON', JSON.stringify(value), 'json');
      }),
      { numRuns: 200 },
    );
  });

  it('decodes Latin-1 and UTF-16 with a BOM to the same rows as UTF-8', () => {
    const text = `${HEADER}\n${row('Åsa Äldreomsorg Öst AB')}\n`;
    const utf8 = parse('UTF-8', text);
    const latin1 = Uint8Array.from([...text].map((ch) => ch.charCodeAt(0)));
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...text].flatMap((ch) => [ch.charCodeAt(0), 0])]);
    expect(utf8.ok).toBe(true);
    for (const [kind, bytes] of [
      ['Latin-1 bytes', latin1],
      ['UTF-16 LE with BOM', utf16],
    ] as const) {
      const result = parse(`decoded: ${kind}`, bytes);
      expect(result.ok && utf8.ok && result.rows, kind).toEqual(utf8.ok && utf8.rows);
    }
  });

  it('rejects what it cannot read with a problem that says what to save instead', () => {
    const text = `${HEADER}\n${row('Åsa Äldreomsorg Öst AB')}\n`;
    const utf16NoBom = new Uint8Array([...text].flatMap((ch) => [ch.charCodeAt(0), 0]));
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    for (const [kind, bytes] of [
      ['UTF-16 LE without BOM', utf16NoBom],
      ['a broken zip file', zip],
    ] as const) {
      const result = parse(`unreadable: ${kind}`, bytes);
      expect(result.ok, kind).toBe(false);
      if (!result.ok)
        expect(result.problems.map((p) => p.message).join(' '), kind).toMatch(/UTF-8|CSV|xlsx|spara/i);
    }
  });

  it('handles huge fields and many columns without throwing', () => {
    for (const size of [10_000, 100_000, 1_000_000]) {
      parse('huge name field', `${HEADER}\n${row('A'.repeat(size))}`);
    }
    parse('huge unquoted field, unterminated quote', `${HEADER}\n0581;hemtjanst;"${'x'.repeat(200_000)}`);
    parse('10 000 columns', `${HEADER}\n${row('A')}${';x'.repeat(10_000)}`);
    parse('100 000 empty lines', `${HEADER}\n${'\n'.repeat(100_000)}`);
  });

  it('keeps formula, SQL and HTML strings in names verbatim, as data', () => {
    const names = STORABLE_HOSTILE_NAMES;
    const csv = [HEADER, ...names.map((n, i) => row(quoted(`${n} ${i}`)))].join('\n');
    const result = parse('hostile names, CSV', csv);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.rows.map((r) => r.name)).toEqual(names.map((n, i) => `${n} ${i}`.trim()));
  });

  it('never throws on random hostile names in otherwise valid rows', () => {
    fc.assert(
      fc.property(fc.array(hostileString, { minLength: 1, maxLength: 10 }), (names) => {
        parse('valid rows, random names', [HEADER, ...names.map((n) => row(quoted(n)))].join('\r\n'));
      }),
      { numRuns: 200 },
    );
  });
});

/** Adversarial registers (issue 16): every one is refused with problems that say where, and cheaply. */
describe('fuzzing the register parser with adversarial registers', () => {
  const COLUMNS = [
    'namn',
    'id',
    'alias',
    'omraden',
    'adress',
    'telefon',
    'webbplats',
    'tillaggstjanster',
  ] as const;
  const WIDE = `${HEADER};${COLUMNS.slice(1).join(';')}`;
  const wideRow = (column: string, value: string) =>
    `0581;hemtjanst;${column === 'namn' ? value : 'Exempelomsorg AB'};privat;2026-10-01;${COLUMNS.slice(1)
      .map((c) => (c === column ? value : ''))
      .join(';')}`;

  it('refuses any over-long value in any column, naming the line, the column and the limit', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...COLUMNS),
        fc.integer({ min: 501, max: 200_000 }),
        fc.constantFrom('x', 'å', '𝄞', 'ab '),
        (column, length, unit) => {
          // Ends with a letter, so that trimming cannot bring it back under the limit ("ab " × 167).
          const value = `${unit.repeat(Math.ceil(length / [...unit].length))}${unit.trim()}`;
          const result = parse('over-long value', `${WIDE}\n${wideRow(column, quoted(value))}\n`);
          expect(result.ok).toBe(false);
          if (result.ok) return;
          expect(
            result.problems.some((p) => p.line === 2 && p.column === column && /högst \d+/.test(p.message)),
          ).toBe(true);
          expect(JSON.stringify(result.problems).length).toBeLessThan(2_000);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuses a control character anywhere in any value, naming it as U+XXXX', () => {
    const controls = fc.oneof(
      fc.integer({ min: 0, max: 0x1f }).filter((c) => c !== 0x09 && c !== 0x0a && c !== 0x0d),
      fc.integer({ min: 0x7f, max: 0x9f }),
      // A lone surrogate or U+FFFD cannot reach a CSV value (decoding reports them first); JSON: register-limits.test.ts.
      fc.constantFrom(0x202a, 0x202e, 0x2066, 0x2069, 0xfffe),
    );
    fc.assert(
      fc.property(fc.constantFrom(...COLUMNS), controls, fc.nat({ max: 10 }), (column, code, at) => {
        const base = column === 'webbplats' ? 'https://exempel.example/sida' : 'Exempelvärde';
        const value = base.slice(0, at) + String.fromCharCode(code) + base.slice(at);
        const result = parse('control character', `${WIDE}\n${wideRow(column, quoted(value))}\n`);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        const hex = code.toString(16).toUpperCase().padStart(4, '0');
        expect(
          result.problems.some((p) => p.line === 2 && p.column === column && p.message.includes(`U+${hex}`)),
        ).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses JSON nested deeper than the limit, at any depth and in any place', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 11, max: 100_000 }),
        fc.constantFrom('[', '{"a":'),
        fc.constantFrom('rows', 'value', 'top'),
        (depth, open, where) => {
          const close = open === '[' ? ']' : '}';
          const deep = `${open.repeat(depth)}1${close.repeat(depth)}`;
          const text =
            where === 'top'
              ? deep
              : where === 'rows'
                ? `{"format":"utforarregister","version":1,"rows":${deep}}`
                : `{"format":"utforarregister","version":1,"rows":[{"namn":${deep}}]}`;
          const result = parse('deep JSON', text, 'json');
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.problems[0]!.message).toContain('djupare än 10 nivåer');
        },
      ),
      { numRuns: 40 },
    );
  });

  it('bounds a huge row and many bad rows: the first 200 problems listed, all counted', () => {
    const huge = parse('one 4 MB row', `${HEADER}\n${row(quoted('N'.repeat(4_000_000)))}\n`);
    expect(huge.ok).toBe(false);
    if (!huge.ok) expect(JSON.stringify(huge).length).toBeLessThan(5_000);

    const many = Array.from({ length: 30_000 }, (_, i) => `0581;hemtjanst;Enhet ${i};privt;2026-10-01`);
    const result = parse('30 000 bad rows', [HEADER, ...many].join('\n'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problemCount).toBe(30_000);
    expect(result.problems).toHaveLength(200);
    expect(result.problems.at(-1)!.line).toBe(201);
  });

  it('never throws on random bytes behind a zip signature (a broken or hostile .xlsx)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3_000 }), (rest) => {
        const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...rest]);
        const result = parse('random zip', bytes);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});
