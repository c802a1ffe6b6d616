import type { Unit } from '../../../shared/domain/unit';
import { type BadgeProps, renderBadge } from './badge-dom';

export interface GroupBadgeProps extends Omit<BadgeProps, 'unit' | 'onOpen'> {
  /** Every unit the chain's brand names, in the matcher's Swedish order */
  units: readonly Unit[];
  onOpen(unit: Unit): void;
}

/**
 * A chain's brand listed once ("Vivanta" beside units "Vivanta Hemtjänst Centrum" and "Vivanta
 * Hemtjänst Mellbystrand"): one badge host showing each unit by its own name with its own facts,
 * side by side; never one of them picked, never their figures merged. Each unit's badge opens that
 * unit's details.
 */
export function renderGroupBadge(root: ShadowRoot, props: GroupBadgeProps): void {
  const doc = root.ownerDocument;
  const group = doc.createElement('span');
  group.className = `root group size-${props.textSize}`;
  group.lang = props.language;
  // No ARIA of its own: each unit's name is shown, and its badge button carries it for screen readers.
  for (const unit of props.units) {
    const item = doc.createElement('span');
    item.className = 'group-unit';
    const name = doc.createElement('span');
    name.className = 'name';
    name.textContent = unit.name;
    item.append(name);
    renderBadge(item, { ...props, unit, onOpen: () => props.onOpen(unit) });
    group.append(item);
  }
  root.append(group);
}
