import type { AssetDetail } from '../api-types';
import { contradictsItself } from '../../main/provenance/digital-source-type';
import { describeTerm, saysAnything } from '../provenance/labels';
import { ProvenanceNotices, ProvenanceSections } from '../provenance/ProvenanceSections';
import type { AssetProvenance } from '../provenance/types';
import { formatDateTime } from '../ui/format';
import { FrameList } from './FrameList';

function Verdict({ p }: { p: AssetProvenance }) {
  const says = p.aiGenerated === true ? 'The file says AI made it' : p.aiGenerated === false ? 'The file says it is a camera capture' : 'The file does not say whether AI made it';
  // A1111 settings beside an IPTC digitalCapture: the file says both, and the verdict must not read as one claim.
  const contradicts = contradictsItself(p.aiGenerated, p.digitalSourceType);
  return (
    <div className="prov-verdict">
      <div>{says}{p.digitalSourceType ? <>{contradicts ? ', though its source type says ' : ' · '}{describeTerm(p.digitalSourceType)}</> : null}{contradicts ? ': it contradicts itself' : ''}.</div>
      <div className="muted">Read {formatDateTime(p.readAt)}.</div>
    </div>
  );
}

function whyNone(asset: AssetDetail): string {
  if (!asset.path) return 'No provenance was read: the file was uploaded through a browser before GenLog read provenance of uploads, and no copy of it is kept.';
  return 'No provenance was read: the asset was logged before GenLog read file provenance. Its file is not read again, so the log stays as it was recorded.';
}

/** What the file said about its origin when it was logged: every reader's findings, mismatches and errors said plainly. */
export function ProvenanceTab({ asset }: { asset: AssetDetail }) {
  const p = asset.provenance;
  return (
    <div className="provenance">
      {!p ? <div className="empty-state prov-none">{whyNone(asset)}</div> : (
        <>
          <ProvenanceNotices mismatches={p.mismatches} errors={p.errors} consequence="The asset is logged; its provenance is incomplete." />
          <Verdict p={p} />
          {saysAnything(p.record) ? <ProvenanceSections record={p.record} /> : (
            // After a read error the file may well carry provenance: only what could be read is known to say nothing.
            <div className="empty-state prov-none">{p.errors.length
              ? 'Nothing else GenLog reads (C2PA, IPTC/XMP, EXIF, Stable Diffusion or ComfyUI metadata) could be read from the file.'
              : 'The file carries no provenance GenLog reads (C2PA, IPTC/XMP, EXIF, Stable Diffusion or ComfyUI metadata).'}</div>
          )}
        </>
      )}
      {asset.frames.length ? <FrameList frames={asset.frames} sequenceHash={asset.sha256} pattern={asset.fileName} /> : null}
    </div>
  );
}
