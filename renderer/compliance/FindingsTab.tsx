import { useState } from 'react';
import { useStores } from '../app/stores-context';
import type { AssetDetail } from '../api-types';
import { ApprovalDialog } from './ApprovalDialog';
import { ApprovalsList } from './ApprovalsList';
import { FindingsList, OutcomeSummary } from './FindingsPanel';
import type { Approval } from './types';

/** The asset's findings (rule, why, what clears it), its approvals, and recording a decision. */
export function FindingsTab({ asset }: { asset: AssetDetail }) {
  const { ui } = useStores();
  const [dialog, setDialog] = useState<{ supersede?: Approval } | null>(null);
  const { assessment } = asset;
  return (
    <div className="findings-tab">
      <OutcomeSummary assessment={assessment} />
      {asset.plannedUse ? (
        <p className="muted small">Logged against planned use #{asset.plannedUse.id} “{asset.plannedUse.title}”.</p>
      ) : null}
      <div className="section-head">
        <h3 className="section-title">Findings</h3>
        <span className="spacer" />
        <button type="button" className="btn btn-small" onClick={() => ui.getState().setDetailTab('facts')}>Answer questions…</button>
        <button type="button" className="btn btn-small btn-primary" disabled={asset.retired} onClick={() => setDialog({})}>Record decision…</button>
      </div>
      <FindingsList findings={assessment.findings} label={`Findings of asset ${asset.id}`} />
      <div className="section-head">
        <h3 className="section-title">Approvals on file</h3>
      </div>
      <ApprovalsList approvals={asset.approvals} label={`Approvals of asset ${asset.id}`}
        onSupersede={asset.retired ? undefined : (a) => setDialog({ supersede: a })} />
      {dialog ? (
        <ApprovalDialog
          subject={{ kind: 'asset', ids: [asset.id], production: asset.production, label: `asset #${asset.id}` }}
          findings={assessment.findings}
          supersede={dialog.supersede}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </div>
  );
}
