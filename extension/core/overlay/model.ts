import type { UnitList } from '../../../shared/domain/api';
import type { IndicatorDefinition } from '../../../shared/domain/indicator';
import type { Unit } from '../../../shared/domain/unit';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import type { Place } from '../sites/places';
import { badgeIndicatorIds } from '../ui/format';
import { type Messages, type Translate, translator } from '../ui/i18n';

/**
 * One badge: the shadow root it lives in, the unit, and the page's text it stands beside. A chain's
 * brand listed once names several units: `units` holds them all (Swedish order), each shown by name
 * with its own facts; `unit` is then the one whose details are open (the first until one is chosen).
 * For one unit, `units` is `[unit]`.
 */
export interface BadgeEntry {
  root: ShadowRoot;
  unit: Unit;
  units: Unit[];
  listingText: string;
}

export interface OverlayState {
  settings: Settings;
  english: Messages | null;
  list: UnitList | null;
  place: Place | null;
  badges: BadgeEntry[];
  entryRoot: ShadowRoot | null;
  panelRoot: ShadowRoot | null;
  open: BadgeEntry | null;
  comparisonIds: string[];
}

/**
 * The state of the overlay on one page view. The content script keeps this a plain object with one
 * `update` that re-renders (signals would add 3 kB gzip to every kommun page); derived values are
 * memoised here and tested without rendering. The extension pages use @preact/signals.
 */
export function createOverlayModel(onChange: () => void = () => {}) {
  const state: OverlayState = {
    settings: DEFAULT_SETTINGS,
    english: null,
    list: null,
    place: null,
    badges: [],
    entryRoot: null,
    panelRoot: null,
    open: null,
    comparisonIds: [],
  };
  let memo: { settings: Settings; list: UnitList | null; english: Messages | null } | null = null;
  let t: Translate = translator('sv');
  let indicators: IndicatorDefinition[] = [];
  const derive = () => {
    if (
      memo &&
      memo.settings === state.settings &&
      memo.list === state.list &&
      memo.english === state.english
    )
      return;
    memo = { settings: state.settings, list: state.list, english: state.english };
    t = translator(state.settings.language, state.english);
    const list = state.list;
    const ids = list ? badgeIndicatorIds(state.settings, list.service, list.indicators) : [];
    indicators = list ? list.indicators.filter((d) => ids.includes(d.id)) : [];
  };
  return {
    state,
    update(patch: Partial<OverlayState>) {
      Object.assign(state, patch);
      onChange();
    },
    t(): Translate {
      derive();
      return t;
    },
    badgeIndicators(): IndicatorDefinition[] {
      derive();
      return indicators;
    },
  };
}

export type OverlayModel = ReturnType<typeof createOverlayModel>;
