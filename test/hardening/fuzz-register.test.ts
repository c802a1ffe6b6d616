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
