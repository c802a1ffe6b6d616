import type { UnitList } from '../../../shared/domain/api';
import type { OverlayEnv } from './env';
import type { Hosts } from './hosts';
import type { BadgeEntry, OverlayModel } from './model';

/** What the user can do from a badge, the details dialog and the entry point. */
export interface OverlayActions {
  open(entry: BadgeEntry): void;
  close(): void;
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
    close() {
      const entry = model.state.open;
      model.update({ open: null });
      entry?.root.querySelector('button')?.focus();
    },
    async toggleComparison(unitId) {
      const current = await env.getComparison();
      const same = current?.huvudman === list.huvudman && current.service === list.service;
      const ids = same ? current.unitIds : [];
      const next = ids.includes(unitId) ? ids : [...ids, unitId];
      await env.setComparison({ huvudman: list.huvudman, service: list.service, unitIds: next });
      model.update({ comparisonIds: next });
    },
    async showAll() {
      const current = await env.getComparison();
      const same = current?.huvudman === list.huvudman && current.service === list.service;
      await env.setComparison({
        huvudman: list.huvudman,
        service: list.service,
        unitIds: same ? current.unitIds : [],
      });
      env.send({ type: 'openComparison' }).catch(() => {});
    },
  };
}
