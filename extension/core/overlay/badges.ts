import type { UnitList } from '../../../shared/domain/api';
import type { MatchedListing } from '../sites/match';
import { renderBadge } from '../ui/badge-dom';
import { renderGroupBadge } from '../ui/group-badge';
import type { Hosts } from './hosts';
import type { BadgeEntry, OverlayModel } from './model';
import { placeHost } from './placement';

/**
 * Puts one batch of badges in the page: a host per matched listing, right after the name it is for
 * (placement.ts); a chain's brand listed once gets one host for all its units. Far from the screen, the browser may skip a badge's layout and paint until
 * it scrolls near (content-visibility: auto); near the screen that would cost more than it saves.
 */
export function drawBadges(
  batch: readonly MatchedListing[],
  near: ReadonlySet<MatchedListing>,
  context: { list: UnitList; model: OverlayModel; hosts: Hosts; open(entry: BadgeEntry): void },
): void {
  const { list, model, hosts } = context;
  const t = model.t();
  const indicators = model.badgeIndicators();
  const { language, textSize } = model.state.settings;
  const demo = list.dataset.kind === 'demo';
  for (const matchedListing of batch) {
    const { listing, unit, units } = matchedListing;
    const { host, root } = hosts.badge(units.map((u) => u.id).join(' '));
    if (!near.has(matchedListing)) {
      host.style.setProperty('content-visibility', 'auto');
      host.style.setProperty('contain-intrinsic-size', 'auto 320px auto 26px');
    }
    const entry: BadgeEntry = { root, unit, units, listingText: listing.text };
    const props = { indicators, demo, language, textSize, t };
    if (units.length > 1)
      renderGroupBadge(root, {
        ...props,
        units,
        onOpen: (chosen) => context.open({ ...entry, unit: chosen }),
      });
    else renderBadge(root, { ...props, unit, onOpen: () => context.open(entry) });
    placeHost(host, matchedListing);
    model.state.badges.push(entry);
  }
}
