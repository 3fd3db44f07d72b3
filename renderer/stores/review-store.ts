import { createStore } from 'zustand/vanilla';
import type { GenlogClient } from '../../main/api/table';
import type { Approval, Dashboard, InboxItem } from '../compliance/types';
import type { Call } from './call';

export const INBOX_PAGE = 100;

export type InboxOutcomes = 'all' | 'blocked' | 'escalate';

export interface ReviewState {
  /** The production the dashboard shows ('' until one is chosen or the first one is taken). */
  dashboardProduction: string;
  dashboard: Dashboard | null;
  inboxProduction: string;
  inboxOutcomes: InboxOutcomes;
  inbox: InboxItem[];
  inboxTotal: number | null;
  /** Approvals on file (superseded and denied ones included), newest first. */
  approvals: Approval[];
  approvalsLoaded: boolean;
  loadDashboard(production?: string): Promise<void>;
  setInboxFilter(patch: { production?: string; outcomes?: InboxOutcomes }): void;
  /** Loads the first page again, or the next one with more=true. */
  loadInbox(more?: boolean): Promise<void>;
  loadApprovals(): Promise<void>;
}

/** What a facility manager reviews: a production's dashboard, the approvals inbox and the approvals on file. */
export function createReviewStore(api: GenlogClient, call: Call) {
  let dashboardRequest = 0;
  let inboxRequest = 0;
  let approvalsRequest = 0;
  return createStore<ReviewState>()((set, get) => ({
    dashboardProduction: '',
    dashboard: null,
    inboxProduction: '',
    inboxOutcomes: 'all',
    inbox: [],
    inboxTotal: null,
    approvals: [],
    approvalsLoaded: false,
    async loadDashboard(production = get().dashboardProduction) {
      const mine = ++dashboardRequest;
      if (production !== get().dashboardProduction) set({ dashboardProduction: production, dashboard: null });
      if (!production) return;
      const res = await call(api.getDashboard({ production, limit: 50 }), `load the dashboard of ${production}`);
      if (mine !== dashboardRequest) return;
      set({ dashboard: res.ok ? res.value : null });
    },
    setInboxFilter(patch) {
      set({
        inboxProduction: patch.production ?? get().inboxProduction,
        inboxOutcomes: patch.outcomes ?? get().inboxOutcomes,
        inbox: [],
        inboxTotal: null,
      });
      void get().loadInbox();
      void get().loadApprovals();
    },
    async loadInbox(more = false) {
      const mine = ++inboxRequest;
      const { inboxProduction, inboxOutcomes, inbox } = get();
      const offset = more ? inbox.length : 0;
      const res = await call(api.listApprovalInbox({
        production: inboxProduction || undefined,
        outcomes: inboxOutcomes === 'all' ? undefined : [inboxOutcomes],
        offset,
        limit: INBOX_PAGE,
      }), 'load the approvals inbox');
      if (mine !== inboxRequest) return;
      if (!res.ok) return set({ inboxTotal: 0, inbox: more ? inbox : [] });
      set({ inbox: more ? [...inbox, ...res.value.items] : res.value.items, inboxTotal: res.value.total });
    },
    async loadApprovals() {
      const mine = ++approvalsRequest;
      const res = await call(api.listApprovals({ production: get().inboxProduction || undefined }), 'load the approvals on file');
      if (mine !== approvalsRequest) return;
      set({ approvals: res.ok ? [...res.value].sort((a, b) => b.id - a.id) : [], approvalsLoaded: true });
    },
  }));
}

export type ReviewStore = ReturnType<typeof createReviewStore>;
