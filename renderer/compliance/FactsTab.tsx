import { useStores } from '../app/stores-context';
import type { AssetDetail } from '../api-types';
import { ClassificationBadge } from '../ui/ClassificationBadge';
import { LiveOutcome } from './LiveOutcome';
import { Questionnaire } from './Questionnaire';
import { useTalentNames } from './useTalentNames';

/** The questionnaire for one asset: each answer is saved at once and the outcome above follows it. */
export function FactsTab({ asset }: { asset: AssetDetail }) {
  const { compliance, ui } = useStores();
  const talent = useTalentNames(asset.production);
  return (
    <div className="facts-tab">
      <LiveOutcome assessment={asset.assessment} onShowFindings={() => ui.getState().setDetailTab('findings')} />
      {asset.retired ? <div className="notice notice-retired" role="note">Retired: its answers can no longer change.</div> : null}
      <Questionnaire
        label={`Questions about asset ${asset.id}`}
        facts={asset.facts}
        tools={{ chain: asset.toolChain, min: 1 }}
        classification={{
          value: asset.classification,
          node: (
            <span className="q-inline">
              <ClassificationBadge value={asset.classification} />
              <button type="button" className="btn btn-small" disabled={asset.retired} onClick={() => ui.getState().openDialog('retag')}>Re-tag…</button>
            </span>
          ),
        }}
        talentSuggestions={talent}
        disabled={asset.retired}
        onChange={async (change) => (await compliance.getState().setAssetFacts(asset.id, change)).ok}
      />
    </div>
  );
}
