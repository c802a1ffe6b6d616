import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRegister, REGISTER_COLUMNS, type RegisterParseResult } from '../../shared/register';
import { TODAY } from '../fixtures/register/helpers';

/** ok with rows, or not ok with at least one well-formed problem; and an ok result has unique identities. */
function expectWellFormed(result: RegisterParseResult) {
  if (result.ok) {
    expect(result.rows.length).toBeGreaterThan(0);
    const keys = result.rows.map((row) => row.identityKey);
    expect(new Set(keys).size).toBe(keys.length);
    return;
  }
  expect(result.problems.length).toBeGreaterThan(0);
  for (const problem of result.problems) {
    expect(typeof problem.message).toBe('string');
    expect(problem.line === null || (Number.isInteger(problem.line) && problem.line >= 1)).toBe(true);
  }
}

const parse = (input: Uint8Array | string) => parseRegister(input, { today: TODAY });

/** Text made of the pieces that matter to the reader, so that the generator reaches past the header. */
const csvLike = fc
  .array(
    fc.oneof(
      fc.constantFrom(...REGISTER_COLUMNS, ';', ',', '"', '""', '|', '\n', '\r\n', '\r', ' ', '\t', '\uFEFF'),
      fc.constantFrom(
        '0581',
        '05',
        '581',
        'hemtjanst',
        'vardcentral',
        'privat',
        'Egen regi',
        '2026-10-01',
        'ja',
      ),
      fc.constantFrom('avslutad', 'fi', 'sv', 'xx', 'SE2321000131-E1', 'https://a.example', '556123-4567'),
      fc.string({ maxLength: 4, unit: 'grapheme' }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

const header = 'huvudman;tjanst;namn;regi;verifierad;id;sprak;status;status_datum;hsa_id\n';

describe('parseRegister never throws', () => {
  it('on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => expectWellFormed(parse(bytes))),
      {
        numRuns: 300,
      },
    );
  });

  it('on arbitrary strings: any UTF-16 code units (lone surrogates too) and any graphemes', () => {
    const codeUnit = fc.nat(0xffff).map((n) => String.fromCharCode(n));
    const strings = fc.oneof(
      fc.string({ maxLength: 200, unit: codeUnit }),
      fc.string({ maxLength: 100, unit: 'grapheme' }),
    );
    fc.assert(
      fc.property(strings, (text) => expectWellFormed(parse(text))),
      { numRuns: 300 },
    );
  });

  it('on CSV-like text, with and without a valid header', () => {
    fc.assert(
      fc.property(fc.boolean(), csvLike, (withHeader, body) =>
        expectWellFormed(parse(withHeader ? header + body : body)),
      ),
      { numRuns: 400 },
    );
  });

  it('on arbitrary JSON, inside and outside the register envelope', () => {
    const rows = fc.array(
      fc.oneof(fc.jsonValue(), fc.dictionary(fc.constantFrom(...REGISTER_COLUMNS, 'x'), fc.jsonValue())),
      { maxLength: 5 },
    );
    fc.assert(
      fc.property(fc.jsonValue(), rows, (value, items) => {
        expectWellFormed(parse(JSON.stringify(value) ?? 'null'));
        expectWellFormed(parse(JSON.stringify({ format: 'utforarregister', version: 1, rows: items })));
      }),
      { numRuns: 200 },
    );
  });
});
