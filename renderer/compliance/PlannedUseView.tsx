import { useState } from 'react';
import { useStores } from '../app/stores-context';
import { ClassificationBadge } from '../ui/ClassificationBadge';
import { formatDateTime } from '../ui/format';
import { OutcomeBadge } from './badges';
import { useComplianceCatalog } from './useCatalog';
import { ApprovalDialog } from './ApprovalDialog';
import { ApprovalsList } from './ApprovalsList';
import { FindingsList, OutcomeSummary } from './FindingsPanel';
import { Questionnaire } from './Questionnaire';
import { useApprovalsOfUse } from './useApprovalsOf';
import { useTalentNames } from './useTalentNames';
import type { Approval, PlannedUseDetail } from './types';

/** One planned use: its answers on the left, what they mean on the right, decisions underneath. */
export function PlannedUseView({ use }: { use: PlannedUseDetail }) {
  const { plannedUses } = useStores();
  const approvals = useApprovalsOfUse(use.id);
  const talent = useTalentNames(use.production);
  const [dialog, setDialog] = useState<{ supersede?: Approval } | null>(null);
  const preset = useComplianceCatalog()?.presets.find((p) => p.id === use.preset);
  return (
    <div className="use-view" aria-label={`Planned use ${use.id}`} role="region">
      <header className="use-header">
        <div className="detail-title-row">
          <span className="detail-id">#{use.id}</span>
          <h2 className="detail-title" title={use.title}>{use.title}</h2>
        </div>
        <div className="use-meta">
          <OutcomeBadge outcome={use.assessment.outcome} />
          <ClassificationBadge value={use.classification} />
          <span className="muted small">
            {use.production}{use.department ? ` · ${use.department}` : ''}{preset ? ` · preset “${preset.title}”` : ''} · disclosed by {use.createdBy}{' '}
            {formatDateTime(use.createdAt)}{use.assets ? ` · ${use.assets} asset${use.assets === 1 ? '' : 's'} logged against it` : ''}
          </span>
        </div>
        {use.description ? <p className="use-description">{use.description}</p> : null}
      </header>
      <div className="use-columns">
        <section className="use-column" aria-label="Questions">
          <h3 className="section-title">Questions</h3>
          <Questionnaire
            label={`Questions about planned use ${use.id}`}
            facts={use.facts}
            tools={{ chain: use.tools, min: 0 }}
            classification={{ value: use.classification, editable: true }}
            talentSuggestions={talent}
            onChange={async (change) => (await plannedUses.getState().setFacts(use.id, change)).ok}
          />
        </section>
        <section className="use-column" aria-label="Findings">
          <div className="section-head">
            <h3 className="section-title">Outcome</h3>
            <span className="spacer" />
            <button type="button" className="btn btn-small" onClick={() => void plannedUses.getState().assess(use.id)}
              title="Judge it again now (consents start and expire by date)">Assess now</button>
            <button type="button" className="btn btn-small btn-primary" onClick={() => setDialog({})}>Record decision…</button>
          </div>
          <OutcomeSummary assessment={use.assessment} />
          <FindingsList findings={use.assessment.findings} label={`Findings of planned use ${use.id}`} />
          <div className="section-head"><h3 className="section-title">Approvals on file</h3></div>
          <ApprovalsList approvals={approvals} label={`Approvals of planned use ${use.id}`} onSupersede={(a) => setDialog({ supersede: a })} />
        </section>
      </div>
      {dialog ? (
        <ApprovalDialog subject={{ kind: 'use', ids: [use.id], production: use.production, label: `planned use #${use.id}` }}
          findings={use.assessment.findings} supersede={dialog.supersede} onClose={() => setDialog(null)} />
      ) : null}
    </div>
  );
}
