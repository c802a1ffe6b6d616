import type { RegisterEncoding } from './decode';
import type { RegisterFileInfo } from './types';

const ENCODINGS: Record<RegisterEncoding, string> = {
  'utf-8': 'UTF-8',
  'windows-1252': 'Windows-1252',
  'iso-8859-1': 'ISO-8859-1 (Latin-1)',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
};

/** How the file was read, in Swedish for an import summary: "CSV med semikolon, teckenkodning Windows-1252". */
export function describeRegisterFile(info: RegisterFileInfo): string {
  if (info.format === null) return 'filen kunde inte läsas';
  if (info.format === 'xlsx') return `Excel-arbetsbok (XLSX)${info.sheet ? `, bladet ”${info.sheet}”` : ''}`;
  const encoding = info.encoding ? `, teckenkodning ${ENCODINGS[info.encoding]}` : '';
  if (info.format === 'json') return `JSON${encoding}`;
  const delimiter = info.delimiter === ',' ? ' med komma' : info.delimiter === ';' ? ' med semikolon' : '';
  return `CSV${delimiter}${encoding}`;
}
