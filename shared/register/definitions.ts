import type { RegisterColumn } from './columns';

/**
 * What each column holds, what it allows, an example and its size limits: the one description of the
 * format's columns. docs/register-format.md's column tables, the JSON Schema's descriptions and limits,
 * and the "Förklaring" sheet of the XLSX template are all made from it.
 * Text is Swedish (it is shown to editors); `allowed` and `example` may use Markdown code spans.
 */
export interface ColumnDefinition {
  content: string;
  allowed: string;
  example: string;
  /** Most characters in one value (in one item, for a list). Real data stays far below. */
  maxLength: number;
  /** Lists only: most items. */
  maxItems?: number;
}

export const COLUMN_DEFINITIONS: Record<RegisterColumn, ColumnDefinition> = {
  huvudman: {
    content: 'Kommunen eller regionen som har valfrihetssystemet',
    allowed:
      'Kommunkod med fyra siffror eller regionens länskod med två siffror; koden måste finnas bland landets 290 kommuner och 21 regioner',
    example: '`0581` (Norrköping), `05` (Region Östergötland)',
    maxLength: 20,
  },
  tjanst: {
    content: 'Valfrihetssystemet',
    allowed: '`hemtjanst`, `sarskilt_boende` (hör till en kommun), `vardcentral` (hör till en region)',
    example: '`hemtjanst`',
    maxLength: 50,
  },
  namn: {
    content: 'Utförarens namn så som det visas för den som väljer',
    allowed: 'Text med minst en bokstav eller siffra',
    example: '`Exempelomsorg AB`',
    maxLength: 200,
  },
  regi: {
    content: 'Driftform',
    allowed: '`egen_regi` (kommunens eller regionens egen), `privat`, `ideburen`',
    example: '`privat`',
    maxLength: 50,
  },
  verifierad: {
    content: 'Dagen då ni senast kontrollerade att raden stämmer',
    allowed: 'Datum ÅÅÅÅ-MM-DD, ett datum som finns och inte ligger i framtiden',
    example: '`2026-10-01`',
    maxLength: 30,
  },
  id: {
    content: 'Ert eget, stabila id för enheten',
    allowed: 'Valfri text; samma id får bara finnas en gång per huvudman och tjänst',
    example: '`HT-014`',
    maxLength: 100,
  },
  organisationsnummer: {
    content: 'Utförarens organisationsnummer',
    allowed:
      '`NNNNNN-NNNN` med rätt kontrollsiffra; tio siffror utan bindestreck går också och får bindestreck',
    example: '`NNNNNN-NNNN`',
    maxLength: 20,
  },
  alias: {
    content: 'Andra namn som enheten går under',
    allowed: 'Lista med texter',
    example: '`Exempelomsorg hemtjänst|Exempelomsorg Norr`',
    maxLength: 200,
    maxItems: 20,
  },
  omraden: {
    content: 'Områden som enheten arbetar i',
    allowed: 'Lista med texter',
    example: '`Centrum|Norr`',
    maxLength: 100,
    maxItems: 200,
  },
  omfattning: {
    content: 'Vad enheten utför',
    allowed: 'Lista med `service`, `omvardnad`, `hemsjukvard`, `natt`',
    example: '`service|omvardnad`',
    maxLength: 50,
    maxItems: 20,
  },
  sprak: {
    content: 'Språk som personalen talar utöver svenska',
    allowed:
      'Lista med språkkoder enligt ISO 639 (`fi`, `ar`, `so`, `fit`, `swl` …); svenska (`sv`) behöver inte anges och tas bort',
    example: '`fi|ar`',
    maxLength: 50,
    maxItems: 50,
  },
  tillaggstjanster: {
    content: 'Tilläggstjänster som kunden kan köpa och betalar själv',
    allowed: 'Lista med texter',
    example: '`Storstädning|Fönsterputs`',
    maxLength: 200,
    maxItems: 50,
  },
  tar_emot_nya: {
    content: 'Om enheten tar emot nya kunder just nu',
    allowed: '`ja` eller `nej`',
    example: '`ja`',
    maxLength: 20,
  },
  hsa_id: {
    content: 'Enhetens HSA-id (främst vårdcentraler)',
    allowed: '`SE`, organisationsnummer, `-`, bokstäver och siffror; högst 31 tecken',
    example: '`SE2321000131-E000000008388`',
    maxLength: 50,
  },
  kolada_ou: {
    content:
      'Enhetens id i Kolada, för att koppla kvalitetsresultat; har utföraren flera enheter i Socialstyrelsens undersökningar (till exempel flera områden), ange alla',
    allowed:
      '`V`, två siffror (`21` hemtjänst, `23` särskilt boende), `E`, minst fyra tecken; flera åtskilda med `|` (se nedan)',
    example: '`V21E058100101` eller `V21E058100101|V21E058100102`',
    maxLength: 200,
  },
  webbplats: {
    content: 'Enhetens webbplats',
    allowed: 'Fullständig adress som börjar med `https://` eller `http://`',
    example: '`https://www.exempelomsorg.example`',
    maxLength: 500,
  },
  telefon: {
    content: 'Telefonnummer',
    allowed: 'Siffror, mellanslag, bindestreck, parenteser, eventuellt `+` först; 5–15 siffror',
    example: '`011-15 00 00`',
    maxLength: 40,
  },
  adress: {
    content: 'Besöksadress',
    allowed: 'Text; radbrytningar i cellen blir kommatecken',
    example: '`Exempelgatan 1, 600 00 Norrköping`',
    maxLength: 300,
  },
  status: {
    content: 'Om enheten finns kvar i valfrihetssystemet',
    allowed: '`aktiv` (om cellen är tom) eller `avslutad`',
    example: '`avslutad`',
    maxLength: 20,
  },
  status_datum: {
    content: 'Dagen då statusen började gälla',
    allowed: 'Datum ÅÅÅÅ-MM-DD, inte i framtiden; **krävs** när `status` är `avslutad`',
    example: '`2026-06-30`',
    maxLength: 30,
  },
};

/** The limits as one line of text for the docs and the template: "högst 200 tecken", "högst 20 värden à 200 tecken". */
export function limitText(definition: ColumnDefinition): string {
  return definition.maxItems === undefined
    ? `högst ${definition.maxLength} tecken`
    : `högst ${definition.maxItems} värden à högst ${definition.maxLength} tecken`;
}

/** Markdown code spans and emphasis removed, for places that show plain text. */
export function plainText(markdown: string): string {
  return markdown.replace(/`([^`]*)`/g, '$1').replace(/\*\*([^*]*)\*\*/g, '$1');
}

/**
 * A Markdown table of the given columns (Kolumn, Innehåll, Tillåtna värden, Längd, Exempel), padded so
 * that it also reads as plain text. docs/register-format.md holds these between marker comments.
 */
export function columnTableMarkdown(columns: readonly RegisterColumn[]): string {
  const escapePipes = (text: string) => text.replaceAll('|', '\\|');
  const rows = [
    ['Kolumn', 'Innehåll', 'Tillåtna värden', 'Längd', 'Exempel'],
    ...columns.map((column) => {
      const definition = COLUMN_DEFINITIONS[column];
      return [
        `\`${column}\``,
        definition.content,
        definition.allowed,
        limitText(definition),
        definition.example,
      ].map(escapePipes);
    }),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => [...row[i]!].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => cell + ' '.repeat(widths[i]! - [...cell].length)).join(' | ')} |`;
  const [header, ...body] = rows;
  return [line(header!), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
