import { useApp } from '../app/stores-context';
import { CopyButton } from '../ui/CopyButton';
import { formatDateTime } from '../ui/format';
import { OutcomeTag } from './badges';
import { FILE_STATE_LABELS, OUTCOME_LABELS, OUTCOME_MEANINGS, OUTCOME_ORDER } from './labels';
import type { ManifestSummary, Outcome, PacketDetail } from './types';

/** Long attention lists are cut here: the PDF has them all. */
const ATTENTION_SHOWN = 60;

function scopeText(m: ManifestSummary): string {
  const episodes = m.scope.episodes.length ? `Episode${m.scope.episodes.length === 1 ? '' : 's'} ${m.scope.episodes.join(', ')}` : 'All episodes';
  if (!m.scope.since && !m.scope.until) return episodes;
  return `${episodes}, ${m.scope.since ?? 'the start'} to ${m.scope.until ?? 'today'}`;
}

function CountTiles({ m }: { m: ManifestSummary }) {
  return (
    <ul className="count-tiles" aria-label="Assets by outcome">
      {OUTCOME_ORDER.map((o) => (
        <li key={o} className={`count-tile count-tile-${o}${m.counts[o] === 0 ? ' is-zero' : ''}`} title={OUTCOME_MEANINGS[o]}>
          <span className="count-tile-n">{m.counts[o]}</span>
          <span className="count-tile-label">{OUTCOME_LABELS[o]}</span>
        </li>
      ))}
    </ul>
  );
}

function AttentionList({ m }: { m: ManifestSummary }) {
  const ruleTexts = useApp('packets', (s) => s.ruleTexts);
  const rank = (o: string) => (o === 'blocked' ? 0 : 1);
  const items = [...m.attention].sort((a, b) => rank(a.outcome) - rank(b.outcome));
  return (
    <section className="preview-section" aria-labelledby="preview-attention">
      <h4 id="preview-attention" className="preview-heading">Needs attention first <span className="muted">({items.length})</span></h4>
      {items.length === 0 ? (
        <p className="preview-ok">Nothing is blocked or awaiting approval.</p>
      ) : (
        <ol className="attention-list" aria-label="Blocked and awaiting-approval assets">
          {items.slice(0, ATTENTION_SHOWN).map((a) => (
            <li key={a.id} className={`attention-item attention-${a.outcome}`}>
              <OutcomeTag outcome={a.outcome as Outcome} />
              <span className="attention-name" title={a.fileName}>{a.fileName}</span>
              <span className="attention-id mono">#{a.id}</span>
              <span className="attention-rules">
                {a.openRules.map((r) => <span key={r} className="rule-id" title={ruleTexts[r]}>{r}</span>)}
              </span>
            </li>
          ))}
        </ol>
      )}
      {items.length > ATTENTION_SHOWN ? <p className="muted small">…and {items.length - ATTENTION_SHOWN} more in summary.pdf.</p> : null}
    </section>
  );
}

/**
 * What the Netflix contact will read, from the packet's own signed manifest (never the log as it is now): the
 * cover of summary.pdf in HTML. The full asset table and every finding's reason are in the PDF itself.
 */
export function PacketPreview({ packet, onDownloadPdf, pdfBusy }: { packet: PacketDetail; onDownloadPdf(): void; pdfBusy: boolean }) {
  const m = packet.manifest;
  if (!m) {
    return (
      <div className="form-error" role="alert">
        No preview: {FILE_STATE_LABELS[packet.file].toLowerCase()}. {packet.approvedAt
          ? 'Restore the file from a backup, or build a new packet that supersedes it.'
          : 'Rebuild the draft to write it again from the log.'}
      </div>
    );
  }
  return (
    <article className="packet-preview" aria-label={`Summary of packet ${packet.id}`}>
      <header className="preview-cover">
        <div className={`preview-kicker${packet.approvedAt ? '' : ' is-draft'}`}>
          GenAI disclosure packet · {packet.approvedAt
            ? `approved by ${packet.approvedBy ?? '?'} on ${formatDateTime(packet.approvedAt)}`
            : 'DRAFT, not approved'}
        </div>
        <h3 className="preview-title">{m.productionTitle} <span className="muted">({packet.production})</span></h3>
        <dl className="preview-facts">
          <div><dt>Facility</dt><dd>{m.vendor || '—'}</dd></div>
          <div><dt>Netflix contact</dt><dd>{m.netflixContact.name} &lt;{m.netflixContact.email}&gt;</dd></div>
          <div><dt>Scope</dt><dd>{scopeText(m)}</dd></div>
          <div><dt>Built</dt><dd>{packet.createdBy}, {formatDateTime(packet.createdAt)}</dd></div>
          {m.supersedes ? <div><dt>Supersedes</dt><dd className="mono">{m.supersedes}</dd></div> : null}
        </dl>
      </header>
      <CountTiles m={m} />
      <AttentionList m={m} />
      <section className="preview-section" aria-labelledby="preview-tools">
        <h4 id="preview-tools" className="preview-heading">AI tools disclosed <span className="muted">({m.tools.length})</span></h4>
        {m.tools.length ? <ul className="chip-list">{m.tools.map((t) => <li key={t} className="chip">{t}</li>)}</ul> : <p className="muted">No AI tools.</p>}
      </section>
      <section className="preview-section" aria-labelledby="preview-records">
        <h4 id="preview-records" className="preview-heading">Records in the packet</h4>
        <dl className="preview-records">
          <div><dt>Assets</dt><dd>{packet.assets}</dd></div>
          <div><dt>Planned uses</dt><dd>{m.plannedUses}</dd></div>
          <div><dt>Approvals on file</dt><dd>{m.approvals}</dd></div>
          <div><dt>Consent records</dt><dd>{m.consents}</dd></div>
        </dl>
      </section>
      <section className="preview-section" aria-labelledby="preview-key">
        <h4 id="preview-key" className="preview-heading">Signed with the facility key</h4>
        <div className="readonly-row">
          <code className="fingerprint" aria-label="Signing key fingerprint">{m.signingKeyFingerprint}</code>
          <CopyButton value={m.signingKeyFingerprint} label="Fingerprint" />
        </div>
        <p className="muted small">Anyone can check the packet with sha256sum and openssl alone; this fingerprint names the facility key that signed it.</p>
      </section>
      <footer className="preview-footer">
        <span>The full asset table, each finding with its plain-language reason, the approvals and the consents are in summary.pdf.</span>
        <button type="button" className="btn" onClick={onDownloadPdf} disabled={pdfBusy}>{pdfBusy ? 'Preparing…' : 'Download summary.pdf'}</button>
      </footer>
    </article>
  );
}
