import type { UnitList } from '../../../shared/domain/api';
import { showAll, toggleUnit } from '../comparison';
import type { OverlayEnv } from './env';
import type { Hosts } from './hosts';
import type { BadgeEntry, OverlayModel } from './model';

/** What the user can do from a badge, the details dialog and the entry point. */
export interface OverlayActions {
  open(entry: BadgeEntry): void;
  /** Closes the details of `entry`; a late close of details already replaced by others does nothing. */
  close(entry: BadgeEntry): void;
  toggleComparison(unitId: string): Promise<void>;
  showAll(): Promise<void>;
}

export function createActions(context: {
  env: OverlayEnv;
  model: OverlayModel;
  list: UnitList;
  hosts: Hosts;
}): OverlayActions {
  const { env, model, list, hosts } = context;
  /** The details dialog lives in one panel host at the end of the body, made on first use. */
  const ensurePanel = (): ShadowRoot => {
    if (!model.state.panelRoot) {
      const { host, root } = hosts.own('panel');
      env.doc.body.append(host);
      model.state.panelRoot = root;
    }
    return model.state.panelRoot;
  };
  return {
    open(entry) {
      ensurePanel();
      model.update({ open: entry });
    },
    close(entry) {
      if (model.state.open !== entry) return;
      model.update({ open: null });
      entry.root.querySelector('button')?.focus();
    },
    async toggleComparison(unitId) {
      const next = toggleUnit(await env.getComparison(), list, unitId);
      await env.setComparison(next);
      model.update({ comparisonIds: next.unitIds });
    },
    async showAll() {
      await env.setComparison(showAll(await env.getComparison(), list));
      env.send({ type: 'openComparison' }).catch(() => {});
    },
  };
}
