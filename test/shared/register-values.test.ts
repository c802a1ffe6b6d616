import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../shared/register';
import {
  type Cells,
  csv,
  fixture,
  onlyProblem,
  problemsOf,
  rowsOf,
  VALID,
} from '../fixtures/register/helpers';

/** A file whose second data row (line 3) has the given values; the first row is valid. */
const fileWith = (cells: Cells) => csv([VALID, { ...VALID, namn: 'Rad tre AB', ...cells }]);
const rowWith = (cells: Cells) => rowsOf(fileWith(cells))[1]!;
const problemWith = (cells: Cells) => onlyProblem(fileWith(cells));

describe('values: every rule reports its line, column and value', () => {
  it.each([
    ['huvudman', 'Norrköping', 'ingen kommunkod eller länskod'],
    ['huvudman', '12345', 'ingen kommunkod eller länskod'],
    ['huvudman', '0999', 'ingen kommunkod som finns'],
    ['tjanst', 'hemvård', "'hemvård' är inte ett tillåtet värde (hemtjanst, sarskilt_boende, vardcentral)"],
    ['namn', '– – –', 'namnet måste innehålla bokstäver'],
    ['regi', 'privt', "'privt' är inte ett tillåtet värde (egen_regi, privat, ideburen)"],
    ['verifierad', '2026-02-30', "'2026-02-30' är inget datum som finns"],
    ['verifierad', '5/3/2026', 'ska skrivas som ÅÅÅÅ-MM-DD'],
    ['verifierad', '46086', 'gjort om datumet till ett tal'],
    ['verifierad', '2026-11-24', "'2026-11-24' ligger i framtiden (i dag är det 2026-11-23)"],
    ['organisationsnummer', '556123-4568', 'fel kontrollsiffra'],
    ['organisationsnummer', '55612-34567', 'ska skrivas som NNNNNN-NNNN'],
    [
      'omfattning',
      'städning',
      "'städning' är inte ett tillåtet värde (service, omvardnad, hemsjukvard, natt)",
    ],
    ['sprak', 'xx', "'xx' är ingen känd språkkod enligt ISO 639"],
    ['sprak', 'zxx', 'ingen känd språkkod'],
    ['tar_emot_nya', 'kanske', "'kanske' är inte ett tillåtet värde (ja, nej)"],
    ['hsa_id', 'SE123', 'har inte formen för ett HSA-id'],
    ['kolada_ou', '0581-hemtjänst', 'har inte formen för Koladas id för en enhet'],
    ['webbplats', 'www.exempelomsorg.se', 'ska börja med https://'],
    ['webbplats', 'ftp://exempelomsorg.se', 'ska börja med https://'],
    ['telefon', 'ring växeln', 'ser inte ut som ett telefonnummer'],
    ['telefon', '112', 'ser inte ut som ett telefonnummer'],
    ['status', 'stängd', "'stängd' är inte ett tillåtet värde (aktiv, avslutad)"],
    ['status_datum', '2027-01-01', 'ligger i framtiden'],
  ])('%s %j', (column, value, message) => {
    const problem = problemWith({ [column]: value });
    expect(problem).toMatchObject({ line: 3, column, value });
    expect(problem.message).toContain(message);
  });

  it('formats a problem as "rad N, kolumn X: message"', () => {
    expect(formatProblem(problemWith({ regi: 'privt' }))).toBe(
      "rad 3, kolumn regi: 'privt' är inte ett tillåtet värde (egen_regi, privat, ideburen)",
    );
    expect(formatProblem({ line: null, column: null, message: 'filen är tom' })).toBe('filen är tom');
    expect(formatProblem({ line: 1, column: 'x', message: 'm' })).toBe('rad 1, kolumn x: m');
  });

  it('reports an empty required value in its column', () => {
    for (const column of ['huvudman', 'tjanst', 'namn', 'regi', 'verifierad']) {
      const problem = problemWith({ [column]: '' });
      expect(problem).toMatchObject({ line: 3, column, message: 'värde saknas; kolumnen är obligatorisk' });
    }
  });

  it('requires status_datum when status is avslutad', () => {
    expect(problemWith({ status: 'avslutad' })).toMatchObject({
      line: 3,
      column: 'status_datum',
      message: 'datum saknas; status_datum krävs när status är avslutad',
    });
    expect(rowWith({ status: 'Avslutad', status_datum: '2026-06-30' })).toMatchObject({
      status: 'avslutad',
      statusDate: '2026-06-30',
    });
    expect(rowWith({ status: '' })).toMatchObject({ status: 'aktiv', statusDate: null });
  });

  it('checks that the service belongs to the kind of huvudman', () => {
    const kommunService = problemWith({ huvudman: '05' });
    expect(kommunService).toMatchObject({ line: 3, column: 'tjanst', value: 'hemtjanst' });
    expect(kommunService.message).toBe(
      'hemtjanst hör till en kommun, men huvudman 05 är en region (Region Östergötland); ange kommunens kommunkod med fyra siffror',
    );
    const regionService = problemWith({ tjanst: 'vardcentral' });
    expect(regionService.message).toContain('vardcentral hör till en region, men huvudman 0581 är en kommun');
    expect(rowWith({ huvudman: '05', tjanst: 'vardcentral' })).toMatchObject({
      huvudman: '05',
      service: 'vardcentral',
    });
  });

  it('rejects a länskod without a region', () => {
    const problem = problemWith({ huvudman: '02', tjanst: 'vardcentral' });
    expect(problem).toMatchObject({ column: 'huvudman', value: '02' });
    expect(problem.message).toContain('ingen länskod som hör till en region');
  });

  it('puts back a leading zero that a spreadsheet dropped from a code', () => {
    expect(rowWith({ huvudman: '581' }).huvudman).toBe('0581');
    expect(rowWith({ huvudman: '5', tjanst: 'vardcentral' }).huvudman).toBe('05');
  });

  it('is forgiving about case, accents and spaces in fixed values', () => {
    expect(rowWith({ regi: 'Egen regi', tjanst: 'Särskilt boende' })).toMatchObject({
      regi: 'egen_regi',
      service: 'sarskilt_boende',
    });
    expect(rowWith({ regi: 'IDÉBUREN' }).regi).toBe('ideburen');
    expect(rowWith({ omfattning: 'Service | omvårdnad | Natt' }).scope).toEqual([
      'service',
      'omvardnad',
      'natt',
    ]);
    expect(rowWith({ tar_emot_nya: 'Ja' }).acceptsNewClients).toBe(true);
    expect(rowWith({ tar_emot_nya: 'NEJ' }).acceptsNewClients).toBe(false);
    expect(rowWith({}).acceptsNewClients).toBeNull();
  });

  it('accepts today as verifierad', () => {
    expect(rowWith({ verifierad: '2026-11-23' }).verifiedAt).toBe('2026-11-23');
  });

  it('normalises organisationsnummer written without a hyphen', () => {
    expect(rowWith({ organisationsnummer: '5561234567' }).organisationsnummer).toBe('556123-4567');
    expect(rowWith({ organisationsnummer: '802400-1110' }).organisationsnummer).toBe('802400-1110');
  });

  it('splits lists on "|", trims items, drops empty items and repeats', () => {
    expect(rowWith({ alias: ' Rad tre | Tre  AB || Rad tre |' }).aliases).toEqual(['Rad tre', 'Tre AB']);
    expect(rowWith({ omraden: 'Centrum|Norr' }).areas).toEqual(['Centrum', 'Norr']);
    expect(rowWith({ tillaggstjanster: 'Storstädning |Fönsterputs' }).extraServices).toEqual([
      'Storstädning',
      'Fönsterputs',
    ]);
    expect(rowWith({}).aliases).toEqual([]);
  });

  it('reports each bad item of a list', () => {
    const problems = problemsOf(fileWith({ sprak: 'fi|xx|finska' }));
    expect(problems.map((p) => [p.line, p.column, p.value])).toEqual([
      [3, 'sprak', 'xx'],
      [3, 'sprak', 'finska'],
    ]);
    expect(problems[1]!.message).toBe("'finska' är ingen språkkod; skriv fi");
  });

  it('stores language codes in one form and leaves out Swedish', () => {
    expect(rowWith({ sprak: 'FI | ar | sv | fin | swl | fit' }).languages).toEqual([
      'fi',
      'ar',
      'swl',
      'fit',
    ]);
    expect(problemWith({ sprak: 'Arabic' }).message).toBe("'Arabic' är ingen språkkod; skriv ar");
  });

  it('upper-cases HSA and Kolada ids', () => {
    expect(rowWith({ hsa_id: 'se2321000131-e000000008388' }).hsaId).toBe('SE2321000131-E000000008388');
    expect(rowWith({ kolada_ou: 'v15e058100101' }).koladaOu).toEqual(['V15E058100101']);
  });

  it('keeps contact details, joining the lines of an address', () => {
    const row = rowWith({
      webbplats: 'https://www.exempelomsorg.example/om-oss',
      telefon: '+46 70-174  06 05',
      adress: '"Exempelgatan 1\n600 00 Norrköping"',
    });
    expect(row).toMatchObject({
      website: 'https://www.exempelomsorg.example/om-oss',
      phone: '+46 70-174 06 05',
      address: 'Exempelgatan 1, 600 00 Norrköping',
    });
  });

  it('collapses whitespace in names', () => {
    expect(rowWith({ namn: '"Rad   tre\nAB"' }).name).toBe('Rad tre AB');
  });

  it('maps every column of a full row', () => {
    const row = rowWith({
      id: 'EX-1',
      organisationsnummer: '556123-4567',
      alias: 'Tre',
      omraden: 'Norr',
      omfattning: 'service',
      sprak: 'so',
      tillaggstjanster: 'Fönsterputs',
      tar_emot_nya: 'ja',
      hsa_id: 'SE2321000131-E000000008388',
      kolada_ou: 'V15E058100101',
      webbplats: 'https://exempel.example',
      telefon: '070-174 06 05',
      adress: 'Exempelgatan 1',
      status: 'aktiv',
      status_datum: '2026-01-01',
    });
    expect(row).toEqual({
      line: 3,
      huvudman: '0581',
      service: 'hemtjanst',
      name: 'Rad tre AB',
      regi: 'privat',
      verifiedAt: '2026-10-01',
      registerId: 'EX-1',
      organisationsnummer: '556123-4567',
      aliases: ['Tre'],
      areas: ['Norr'],
      scope: ['service'],
      languages: ['so'],
      extraServices: ['Fönsterputs'],
      acceptsNewClients: true,
      hsaId: 'SE2321000131-E000000008388',
      koladaOu: ['V15E058100101'],
      website: 'https://exempel.example',
      phone: '070-174 06 05',
      address: 'Exempelgatan 1',
      status: 'aktiv',
      statusDate: '2026-01-01',
      identityKey: '0581/hemtjanst/id:EX-1',
    });
  });
});

describe('several problems in one file', () => {
  it('reports every problem, in line order, with the right line and column', () => {
    const problems = problemsOf(fixture('manga-fel.csv'));
    expect(problems.map((p) => [p.line, p.column, p.value ?? null])).toEqual([
      [2, 'regi', 'privt'],
      [3, 'huvudman', '0999'],
      [3, 'verifierad', '2026-02-30'],
      [3, 'sprak', 'finska'],
      [4, 'status_datum', null],
      [5, 'namn', 'exempelomsorg ab'],
    ]);
    expect(formatProblem(problems[5]!)).toContain("kolumn namn: 'exempelomsorg ab' finns redan på rad 2");
  });
});
