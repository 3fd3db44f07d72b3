import { createStore } from 'zustand/vanilla';
import type { GenlogClient } from '../../main/api/table';
import type { AssetDetail } from '../api-types';
import type { EvidenceRef, FileStager, StagedEvidence } from '../file-stager';
import type { Approval, ApprovalInput, ComplianceCatalog, Consent, ConsentInput, EmlPrefill, FactsChange } from '../compliance/types';
import type { Call, Outcome as Result } from './call';
import { serial } from './serial';

export interface ComplianceState {
  /** Questions, presets and rule explanations (getComplianceCatalog); null until loaded. */
  catalog: ComplianceCatalog | null;
  /** Bumped after every change that can move an outcome (facts, consent, approval): screens showing outcomes reload. */
  version: number;
  loadCatalog(): Promise<void>;
  /** Saves a questionnaire answer of an asset; the detail pane shows the new assessment as soon as it is back. */
  setAssetFacts(id: number, change: FactsChange): Promise<Result<AssetDetail>>;
  stageEvidence(file: File, onProgress: (loaded: number) => void): Promise<Result<StagedEvidence>>;
  previewEml(ref: EvidenceRef): Promise<Result<EmlPrefill>>;
  recordApproval(input: ApprovalInput): Promise<Result<Approval>>;
  addConsent(input: ConsentInput): Promise<Result<Consent>>;
  /** Something outside this store moved outcomes: refresh what shows them (assets: also the log and the detail pane). */
  changed(options: { assets: boolean }): void;
}

export interface ComplianceDeps {
  actor(): string | undefined;
  /** Puts a freshly saved asset into the detail pane when it is the one shown. */
  showAsset(asset: AssetDetail): void;
  /** Outcomes moved: the log (outcome column) and, unless the pane already has the new asset, the detail pane. */
  outcomesChanged(options: { detail: boolean }): void;
  notify(message: string): void;
}

/** Facts, approvals and consents: every change here can move outcomes, so each one ends by saying so. */
export function createComplianceStore(api: GenlogClient, call: Call, files: FileStager, deps: ComplianceDeps) {
  const inOrder = serial();
  const by = () => deps.actor() || undefined;
  return createStore<ComplianceState>()((set, get) => {
    function bump(detail: boolean, assets = true) {
      set((s) => ({ version: s.version + 1 }));
      if (assets) deps.outcomesChanged({ detail });
    }
    return {
      catalog: null,
      version: 0,
      async loadCatalog() {
        if (get().catalog) return;
        const res = await call(api.getComplianceCatalog({}), 'load the compliance questions');
        if (res.ok) set({ catalog: res.value });
      },
      setAssetFacts(id, change) {
        return inOrder(async () => {
          const res = await call(api.setFacts({ id, facts: change.facts, tools: change.tools, by: by() }), `save the answers for asset ${id}`);
          if (res.ok) {
            deps.showAsset(res.value);
            bump(false);
          }
          return res;
        });
      },
      stageEvidence(file, onProgress) {
        return call(files.stageEvidence(file, onProgress), `read the evidence file ${file.name}`);
      },
      previewEml(ref) {
        return call(api.previewEmlApproval({ evidence: ref }), 'read the approval email');
      },
      async recordApproval(input) {
        const res = await call(api.addApproval({ ...input, by: by() }), `record the ${input.decision === 'denied' ? 'denial' : 'approval'}`);
        if (res.ok) {
          const a = res.value;
          const what = a.assets.length ? `asset${a.assets.length === 1 ? '' : 's'} ${a.assets.join(', ')}` : `planned use${a.uses.length === 1 ? '' : 's'} ${a.uses.join(', ')}`;
          deps.notify(`${a.decision === 'denied' ? 'Denial' : 'Approval'} #${a.id} recorded for ${what}${a.supersedes ? `; it supersedes #${a.supersedes}` : ''}.`);
          bump(true);
        }
        return res;
      },
      async addConsent(input) {
        const res = await call(api.addConsent({ ...input, by: by() }), `file the consent of ${input.talent}`);
        if (res.ok) {
          deps.notify(`Consent of ${res.value.talent} filed for ${res.value.production}.`);
          bump(true);
        }
        return res;
      },
      changed({ assets }) {
        bump(true, assets);
      },
    };
  });
}

export type ComplianceStore = ReturnType<typeof createComplianceStore>;
