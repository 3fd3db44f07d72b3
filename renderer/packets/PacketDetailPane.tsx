import { useState } from 'react';
import { useApp, useStores } from '../app/stores-context';
import { Tabs } from '../ui/Tabs';
import { formatDateTime } from '../ui/format';
import { ApproveDialog } from './ApproveDialog';
import { StateBadge } from './badges';
import { ConfirmSentDialog, ResendDialog } from './DecisionDialogs';
import { ExportEmlDialog } from './ExportEmlDialog';
import { canConfirmSent, canResend, describeScope, resendLabel } from './labels';
import { PacketFile } from './PacketFile';
import { PacketHistory } from './PacketHistory';
import { PacketPreview } from './PacketPreview';
import { downloadBase64, pdfFileName } from './pdf-download';
import { StatusCallout } from './StatusCallout';
import type { BuildInput, PacketDetail } from './types';

type DialogKind = 'approve' | 'eml' | 'confirm' | 'resend';

function Actions({ packet, open, onBuildNext }: { packet: PacketDetail; open(kind: DialogKind): void; onBuildNext?(scope: BuildInput): void }) {
  const { packets } = useStores();
  const [rebuilding, setRebuilding] = useState(false);
  const draft = packet.approvedAt === null;
  const intact = packet.file === 'intact';

  async function rebuild() {
    setRebuilding(true);
    await packets.getState().rebuild(packet.id);
    setRebuilding(false);
  }

  return (
    <div className="detail-actions packet-actions">
      {draft ? (
        <>
          <button type="button" className="btn btn-primary btn-small" onClick={() => open('approve')} disabled={!intact}>Approve…</button>
          <button type="button" className="btn btn-small" onClick={() => void rebuild()} disabled={rebuilding}
            title="Collect the assets again from the log as it is now">
            {rebuilding ? 'Rebuilding…' : 'Rebuild'}
          </button>
        </>
      ) : (
        <>
          <button type="button" className="btn btn-small" onClick={() => open('eml')} disabled={!intact}
            title="Write the ready-to-send message for a mail program">Export .eml…</button>
          {canConfirmSent(packet) ? <button type="button" className="btn btn-small" onClick={() => open('confirm')}>Confirm sent…</button> : null}
          {canResend(packet) ? <button type="button" className="btn btn-small" onClick={() => open('resend')}>{resendLabel(packet)}…</button> : null}
          {onBuildNext ? (
            <button type="button" className="btn btn-small" title="Later changes go into a new packet that supersedes this one"
              onClick={() => onBuildNext({ production: packet.production, episode: packet.episode ?? undefined, since: packet.since ?? undefined, until: packet.until ?? undefined })}>
              New version…
            </button>
          ) : null}
        </>
      )}
    </div>
  );
}

/** One packet: state and what to do next, then its preview, history and file. Shared by Packets and Outbox. */
export function PacketDetailPane({ onBuildNext }: { onBuildNext?(scope: BuildInput): void }) {
  const { packets } = useStores();
  const packet = useApp('packets', (s) => s.detail);
  const loading = useApp('packets', (s) => s.detailLoading);
  const [tab, setTab] = useState('preview');
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  const [pdfBusy, setPdfBusy] = useState(false);

  if (!packet) {
    return <aside className="detail-pane packet-pane" aria-label="Packet detail"><div className="empty-state">{loading ? 'Loading…' : 'Select a packet to see its summary and history.'}</div></aside>;
  }

  async function downloadPdf() {
    if (!packet) return;
    setPdfBusy(true);
    const res = await packets.getState().pdf(packet.id);
    setPdfBusy(false);
    if (res.ok) downloadBase64(res.value.base64, pdfFileName(packet.production, packet.id), 'application/pdf');
  }

  const close = () => setDialog(null);
  return (
    <aside className="detail-pane packet-pane" aria-label="Packet detail">
      <header className="detail-header">
        <div className="detail-title-row">
          <span className="detail-id">#{packet.id}</span>
          <h2 className="detail-title">{packet.production} · {describeScope(packet)}</h2>
          <StateBadge state={packet.state} />
        </div>
        <div className="packet-subtitle muted">
          {packet.assets} asset{packet.assets === 1 ? '' : 's'} · built by {packet.createdBy} {formatDateTime(packet.createdAt)}
          {packet.approvedAt ? ` · approved by ${packet.approvedBy ?? '?'} ${formatDateTime(packet.approvedAt)}` : ''}
          {packet.supersedes ? ` · supersedes #${packet.supersedes}` : ''}
          {packet.supersededBy ? ` · superseded by #${packet.supersededBy}` : ''}
        </div>
        <StatusCallout packet={packet} />
        <div className="packet-toolbar">
          <Actions packet={packet} open={setDialog} onBuildNext={onBuildNext} />
          <span className="spacer" />
          <button type="button" className="btn btn-small" onClick={() => void downloadPdf()} disabled={pdfBusy || packet.file !== 'intact'}>
            {pdfBusy ? 'Preparing…' : 'Download PDF'}
          </button>
        </div>
      </header>
      <Tabs label="Packet sections" active={tab} onChange={setTab}
        tabs={[{ id: 'preview', label: 'Preview' }, { id: 'history', label: 'History', badge: packet.history.length }, { id: 'file', label: 'File' }]}>
        {tab === 'history' ? <PacketHistory packet={packet} />
          : tab === 'file' ? <PacketFile key={packet.id} packet={packet} />
            : <PacketPreview packet={packet} onDownloadPdf={() => void downloadPdf()} pdfBusy={pdfBusy} />}
      </Tabs>
      {dialog === 'approve' ? <ApproveDialog packet={packet} onClose={close} /> : null}
      {dialog === 'eml' ? <ExportEmlDialog packet={packet} onClose={close} /> : null}
      {dialog === 'confirm' ? <ConfirmSentDialog packet={packet} onClose={close} /> : null}
      {dialog === 'resend' ? <ResendDialog packet={packet} onClose={close} /> : null}
    </aside>
  );
}
