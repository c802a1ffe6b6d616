import { KOMMUNER } from '../shared/reference';

/**
 * A national-size register file for the import benchmark: every kommun's hemtjänst with
 * `perKommun` invented units, in the utförarregister v1 CSV format.
 */
export function nationalRegisterCsv(perKommun = 25): { csv: string; rows: number } {
  const lines = ['huvudman;tjanst;namn;regi;verifierad;id;omraden;omfattning;tar_emot_nya;telefon'];
  for (const kommun of KOMMUNER) {
    for (let i = 0; i < perKommun; i++) {
      const regi = i === 0 ? 'egen_regi' : i % 7 === 0 ? 'ideburen' : 'privat';
      const name = `Registerenhet ${String.fromCharCode(65 + (i % 26))}${i} Exempelomsorg AB`;
      const accepts = i % 5 === 0 ? 'nej' : 'ja';
      lines.push(
        `${kommun.code};hemtjanst;${name};${regi};2026-10-01;reg-${i};Norr|Söder;service|omvardnad;${accepts};000-00 00 00`,
      );
    }
  }
  return { csv: lines.join('\r\n'), rows: KOMMUNER.length * perKommun };
}

/** One system (Stockholm's hemtjänst) with `units` invented units, ids e-0 … e-(units-1). */
export function systemRegisterCsv(units: number): { csv: string; rows: number } {
  const lines = ['huvudman;tjanst;namn;regi;verifierad;id;omraden;omfattning;tar_emot_nya;telefon'];
  for (let i = 0; i < units; i++) {
    lines.push(
      `0180;hemtjanst;Enhet ${i} Exempelomsorg AB;${i === 0 ? 'egen_regi' : 'privat'};2026-10-01;e-${i};Norr|Söder;service;ja;000-00 00 00`,
    );
  }
  return { csv: lines.join('\r\n'), rows: units };
}
