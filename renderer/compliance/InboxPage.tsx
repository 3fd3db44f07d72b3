import { useEffect, useState } from 'react';
import { useApp, useStores } from '../app/stores-context';
import { ClassificationBadge } from '../ui/ClassificationBadge';
import { Tabs } from '../ui/Tabs';
import { formatCount, plural } from '../ui/format';
import { ApprovalDialog } from './ApprovalDialog';
import { ApprovalsList } from './ApprovalsList';
import { OutcomeBadge, RuleChip } from './badges';
import { ageInDays } from './labels';
import { openAsset, openPlannedUse } from './navigate';
import { ProductionSelect } from './ProductionSelect';
import type { InboxOutcomes } from '../stores/review-store';
import type { Approval, ApprovalSubject, InboxItem } from './types';

const key = (i: InboxItem) => `${i.kind}-${i.id}`;

/** What the approval dialog is about: the items picked, which must be one kind in one production. */
function subjectOf(items: InboxItem[]): ApprovalSubject | string {
  const first = items[0];
  if (!first) return 'Tick the items the decision covers.';
  if (items.some((i) => i.kind !== first.kind)) return 'One decision covers assets or planned uses, not both.';
  if (items.some((i) => i.production !== first.production)) return 'One decision covers one production.';
  const noun = first.kind === 'asset' ? 'asset' : 'planned use';
  return {
    kind: first.kind,
    ids: items.map((i) => i.id),
    production: first.production,
    label: items.length === 1 ? `${noun} #${first.id}` : plural(items.length, noun),
  };
}

/** The manager's queue: everything waiting for a written decision, oldest first, and the decisions on file. */
export function InboxPage() {
  const { review } = useStores();
  const production = useApp('review', (s) => s.inboxProduction);
  const outcomes = useApp('review', (s) => s.inboxOutcomes);
  const total = useApp('review', (s) => s.inboxTotal);
  const approvals = useApp('review', (s) => s.approvals);
  const version = useApp('compliance', (s) => s.version);
  const [tab, setTab] = useState('awaiting');

  useEffect(() => {
    void review.getState().loadInbox();
    void review.getState().loadApprovals();
  }, [review, version]);

  return (
    <section className="screen compliance-page" aria-labelledby="inbox-title">
      <header className="toolbar">
        <h1 id="inbox-title" className="screen-title">Approvals inbox</h1>
        <ProductionSelect any value={production} onChange={(code) => review.getState().setInboxFilter({ production: code })} />
        <select className="input inbox-outcomes" aria-label="Waiting because" value={outcomes}
          onChange={(e) => review.getState().setInboxFilter({ outcomes: e.target.value as InboxOutcomes })}>
          <option value="all">Blocked and escalated</option>
          <option value="blocked">Blocked only</option>
          <option value="escalate">Escalated only</option>
        </select>
        <span className="spacer" />
        <span className="muted">{total === null ? 'Loading…' : `${plural(total, 'item')} waiting`}</span>
      </header>
      <Tabs label="Approvals" active={tab} onChange={setTab} tabs={[
        { id: 'awaiting', label: 'Awaiting a decision', badge: total === null ? undefined : formatCount(total) },
        { id: 'on-file', label: 'Decisions on file', badge: formatCount(approvals.length) },
      ]}>
        {tab === 'awaiting' ? <AwaitingList /> : <OnFile />}
      </Tabs>
    </section>
  );
}

function AwaitingList() {
  const stores = useStores();
  const items = useApp('review', (s) => s.inbox);
  const total = useApp('review', (s) => s.inboxTotal);
  const [picked, setPicked] = useState<string[]>([]);
  const [dialog, setDialog] = useState<ApprovalSubject | null>(null);
  const chosen = items.filter((i) => picked.includes(key(i)));
  const subject = subjectOf(chosen);

  useEffect(() => {
    // Items that left the inbox (approved meanwhile) leave the selection too.
    setPicked((p) => p.filter((k) => items.some((i) => key(i) === k)));
  }, [items]);

  if (total === 0) return <div className="empty-state">Nothing is waiting for a decision. Every blocked or escalated item has been dealt with.</div>;
  const allPicked = items.length > 0 && chosen.length === items.length;
  return (
    <div className="inbox">
      <div className="inbox-actions">
        <button type="button" className="btn btn-primary" disabled={typeof subject === 'string'}
          onClick={() => typeof subject !== 'string' && setDialog(subject)}>
          {chosen.length > 1 ? `Record one decision for ${chosen.length} items…` : 'Record decision…'}
        </button>
        <span className="muted small">{typeof subject === 'string' ? subject : `For ${subject.label} in ${subject.production}.`}</span>
      </div>
      <table className="data-table inbox-table" aria-label="Awaiting a decision">
        <thead>
          <tr>
            <th scope="col" className="cell-check">
              <input type="checkbox" aria-label="Select all shown" checked={allPicked}
                onChange={(e) => setPicked(e.target.checked ? items.map(key) : [])} />
            </th>
            <th scope="col">Item</th><th scope="col">Production</th><th scope="col">Outcome</th><th scope="col">Class</th>
            <th scope="col">Open findings</th><th scope="col" className="col-by">By</th><th scope="col">Waiting</th>
            <th scope="col"><span className="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => {
            const k = key(i);
            const on = picked.includes(k);
            const name = `${i.kind === 'asset' ? 'asset' : 'planned use'} ${i.id}`;
            return (
              <tr key={k} className={on ? 'is-selected' : undefined}>
                <td className="cell-check">
                  <input type="checkbox" aria-label={`Select ${name}`} checked={on}
                    onChange={(e) => setPicked((p) => (e.target.checked ? [...p, k] : p.filter((x) => x !== k)))} />
                </td>
                <td className="inbox-item" title={i.title}>
                  <span className="kind-tag">{i.kind === 'asset' ? 'Asset' : 'Use'}</span> <span className="mono muted">#{i.id}</span>{' '}
                  <button type="button" className="link-button" onClick={() => (i.kind === 'asset' ? openAsset(stores, i.id) : openPlannedUse(stores, i.production, i.id))}
                    aria-label={`Open ${name}`}>{i.title}</button>
                </td>
                <td>{i.production}</td>
                <td><OutcomeBadge outcome={i.outcome} /></td>
                <td><ClassificationBadge value={i.classification} /></td>
                <td><span className="rule-chips">{i.openFindings.map((f) => (
                  <RuleChip key={f.rule} rule={f.rule} severity={f.severity} title={`${f.fact}: ${f.explanation}`} />
                ))}</span></td>
                <td className="truncate col-by">{i.createdBy}</td>
                <td className="muted nowrap">{ageInDays(i.createdAt) === 0 ? 'today' : plural(ageInDays(i.createdAt), 'day')}</td>
                <td className="cell-actions">
                  <button type="button" className="btn btn-small" aria-label={`Record a decision for ${name}`}
                    onClick={() => setDialog({ kind: i.kind, ids: [i.id], production: i.production, label: `${name.replace(/ (\d+)$/, ' #$1')}` })}>
                    Decide…
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {total !== null && items.length < total ? (
        <div className="inbox-more">
          <span className="muted">Showing {formatCount(items.length)} of {formatCount(total)}, oldest first.</span>
          <button type="button" className="btn btn-small" onClick={() => void stores.review.getState().loadInbox(true)}>Show more</button>
        </div>
      ) : null}
      {dialog ? <ApprovalDialog subject={dialog} onClose={(recorded) => { setDialog(null); if (recorded) setPicked([]); }} /> : null}
    </div>
  );
}

function OnFile() {
  const approvals = useApp('review', (s) => s.approvals);
  const loaded = useApp('review', (s) => s.approvalsLoaded);
  const [supersede, setSupersede] = useState<Approval | null>(null);
  if (!loaded) return <div className="empty-state">Loading…</div>;
  return (
    <div className="on-file">
      <p className="muted small">
        Decisions are never edited or deleted. To correct one, supersede it: a new record replaces it and the old one stays
        here, marked superseded.
      </p>
      <ApprovalsList approvals={approvals} label="Decisions on file" onSupersede={setSupersede} showSubjects />
      {supersede ? (
        <ApprovalDialog
          subject={{
            kind: supersede.assets.length ? 'asset' : 'use',
            ids: supersede.assets.length ? supersede.assets : supersede.uses,
            production: supersede.production,
            label: supersede.assets.length ? plural(supersede.assets.length, 'asset') : plural(supersede.uses.length, 'planned use'),
          }}
          supersede={supersede}
          onClose={() => setSupersede(null)}
        />
      ) : null}
    </div>
  );
}
