import type { Stores } from '../stores';
import type { LogFilters } from '../stores/log-store';

/** Shows one asset in the log's detail pane, on the given tab (Findings by default). */
export function openAsset(stores: Stores, id: number, tab = 'findings'): void {
  const { ui, log } = stores;
  ui.getState().navigate('log');
  ui.getState().setDetailTab(tab);
  log.getState().selectId(id);
  ui.getState().focusDetail();
}

/** The log filtered to what a dashboard number counted: active assets of one production with one outcome. */
export function showInLog(stores: Stores, filters: Partial<LogFilters>): void {
  const { ui, log } = stores;
  log.getState().clearFilters();
  log.getState().setFilters({ showRetired: false, ...filters });
  ui.getState().navigate('log');
}

export function openPlannedUse(stores: Stores, production: string, id: number): void {
  const { ui, plannedUses } = stores;
  plannedUses.getState().setProduction(production);
  void plannedUses.getState().select(id);
  ui.getState().navigate('uses');
}
