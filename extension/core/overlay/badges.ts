import type { UnitList } from '../../../shared/domain/api';
import type { MatchedListing } from '../sites/match';
import { renderBadge } from '../ui/badge-dom';
import type { Hosts } from './hosts';
import type { BadgeEntry, OverlayModel } from './model';

/**
 * Puts one batch of badges in the page: a host per matched listing, as the listing element's last
 * child or right after it. Far from the screen, the browser may skip a badge's layout and paint until
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
    const { listing, unit } = matchedListing;
    const { host, root } = hosts.badge(unit.id);
    if (!near.has(matchedListing)) {
      host.style.setProperty('content-visibility', 'auto');
      host.style.setProperty('contain-intrinsic-size', 'auto 320px auto 26px');
    }
    const entry: BadgeEntry = { root, unit, listingText: listing.text };
    renderBadge(root, { unit, indicators, demo, language, textSize, t, onOpen: () => context.open(entry) });
    if (listing.placement === 'append') listing.element.append(host);
    else listing.element.after(host);
    model.state.badges.push(entry);
  }
}
