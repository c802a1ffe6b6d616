import type { Service } from '../../shared/domain';
import type { ImportPlan } from './plan';

/**
 * Checks an import plan must pass before anything is written. Pure: the editors' page can run them on
 * a plan to ask for confirmation before publishing.
 */

/** Most units one choice system may hold, ended ones included. The largest real systems have a few hundred. */
export const MAX_UNITS_PER_SYSTEM = 10_000;

/** Default for how large a share of a system's active units one upload may end without confirmation. */
export const DEFAULT_MAX_ENDING_SHARE = 0.5;

/**
 * Ending this many units of a system never needs confirmation, whatever the share: in a system of one
 * or two units, replacing one is ordinary, shows in the summary, and a re-upload undoes it.
 */
export const ENDING_WITHOUT_CONFIRMATION = 2;

export interface SystemEnding {
  huvudman: string;
  service: Service;
  /** Active units the upload would end. */
  ending: number;
  activeBefore: number;
}

export type EndingCheck =
  | { ok: true; ending: number }
  | {
      ok: false;
      /** Units the whole upload would end: what a confirmation must name. */
      ending: number;
      /** The systems where the upload ends more than the allowed share. */
      systems: SystemEnding[];
      message: string;
    };

export interface EndingOptions {
  /** Share (0-1) of a system's active units an upload may end unconfirmed; default DEFAULT_MAX_ENDING_SHARE. */
  maxShare?: number;
  /** The number of units the editor confirms will end; must equal the count the upload would end. */
  confirmed?: number | null;
}

/**
 * A truncated upload (a half-saved spreadsheet, a cut-off request) looks like a short list, and a short
 * list ends every unit missing from it. An upload that ends more than `maxShare` of a system's active
 * units (and more than ENDING_WITHOUT_CONFIRMATION) is refused unless the editor confirms the exact
 * number the whole upload will end.
 */
export function checkEnding(plan: ImportPlan, options: EndingOptions = {}): EndingCheck {
  const maxShare = options.maxShare ?? DEFAULT_MAX_ENDING_SHARE;
  if (!(maxShare >= 0 && maxShare <= 1))
    throw new RangeError(`maxShare must be between 0 and 1: ${maxShare}`);
  const ending = plan.systems.reduce((sum, s) => sum + s.diff.ended.length, 0);
  const systems = plan.systems
    .filter(
      (s) =>
        s.diff.ended.length > ENDING_WITHOUT_CONFIRMATION && s.diff.ended.length > s.activeBefore * maxShare,
    )
    .map((s) => ({
      huvudman: s.huvudman,
      service: s.service,
      ending: s.diff.ended.length,
      activeBefore: s.activeBefore,
    }));
  if (systems.length === 0 || options.confirmed === ending) return { ok: true, ending };
  const which = systems
    .map((s) => `${s.huvudman} ${s.service}: ${s.ending} av ${s.activeBefore} aktiva`)
    .join('; ');
  const percent = Math.round(maxShare * 100);
  const mismatch =
    options.confirmed === undefined || options.confirmed === null
      ? ''
      : ` Bekräftelsen gällde ${options.confirmed} enheter, men ${ending} skulle avslutas.`;
  return {
    ok: false,
    ending,
    systems,
    message:
      `filen skulle avsluta ${ending} enheter, fler än ${percent} % av de aktiva (${which}).${mismatch} ` +
      'Är filen komplett? En avkortad fil ser ut som en kort lista, och alla enheter som saknas i den avslutas. ' +
      `Är det avsiktligt: bekräfta att ${ending} enheter ska avslutas och läs in filen igen.`,
  };
}

export type UnitLimitCheck =
  | { ok: true }
  | { ok: false; huvudman: string; service: Service; units: number; message: string };

/** A system may not grow beyond `max` units (ended ones count: they are kept). One that is already larger may still be updated. */
export function checkUnitLimit(plan: ImportPlan, max: number = MAX_UNITS_PER_SYSTEM): UnitLimitCheck {
  for (const s of plan.systems) {
    const units = s.stored + s.diff.added.length;
    if (s.diff.added.length > 0 && units > max) {
      return {
        ok: false,
        huvudman: s.huvudman,
        service: s.service,
        units,
        message:
          `${s.huvudman} ${s.service} skulle få ${units} enheter (avslutade inräknade: ${s.stored} finns redan och ` +
          `${s.diff.added.length} läggs till); högst ${max} tillåts per huvudman och tjänst. Har id eller namn ändrats ` +
          'på alla rader? Då räknas varje rad som en ny enhet.',
      };
    }
  }
  return { ok: true };
}
