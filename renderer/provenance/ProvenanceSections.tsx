import type { ReactNode } from 'react';
import { VALIDATION, claimMaker, describeTerm, termOf } from './labels';
import type { C2paRecord, ProvenanceRecord } from './types';
import { formatDateTime } from '../ui/format';
import { samplerText } from '../../main/format/comfy-sampler';
import { withControlsWrittenOut } from '../../main/format/controls-written-out';

function Row({ label, children }: { label: string; children: ReactNode }) {
  if (children === null || children === undefined || children === '') return null;
  return <div className="kv kv-wide"><dt>{label}</dt><dd>{children}</dd></div>;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="prov-section" aria-label={title}>
      <h3 className="prov-title">{title}</h3>
      <dl className="kv-list">{children}</dl>
    </section>
  );
}

function C2pa({ c2pa }: { c2pa: C2paRecord }) {
  const v = VALIDATION[c2pa.validation.state];
  return (
    <Section title="C2PA content credentials">
      <Row label="Validation">
        <span className={`tag tag-${v.tone}`}>{v.label}</span> <span>{v.meaning}</span>
        {c2pa.validation.problems.length ? <ul className="prov-problems">{c2pa.validation.problems.map((p) => <li key={p}>{p}</li>)}</ul> : null}
      </Row>
      <Row label="Claim generator">{claimMaker(c2pa) ?? '—'}{c2pa.claimGenerator && claimMaker(c2pa) !== c2pa.claimGenerator ? <span className="muted"> ({c2pa.claimGenerator})</span> : null}</Row>
      <Row label="Signer">{c2pa.signer ?? '—'}</Row>
      <Row label="Issuer">{c2pa.issuer}</Row>
      <Row label="Signed">{c2pa.signingTime ? formatDateTime(c2pa.signingTime) : null}</Row>
      <Row label="Manifest">{{ sidecar: 'in a .c2pa sidecar file', embedded: 'embedded in the file', store: 'the file is a manifest store (.c2pa)' }[c2pa.source]}</Row>
      <Row label="Actions">
        {c2pa.actions.length ? (
          <ul className="prov-actions">
            {c2pa.actions.map((a, i) => (
              <li key={i}>
                <span className="mono">{a.action}</span>
                {a.softwareAgent ? <> by <strong>{a.softwareAgent}</strong></> : null}
                {a.digitalSourceType ? <> · {describeTerm(termOf(a.digitalSourceType))}</> : null}
                {a.when ? <span className="muted"> · {formatDateTime(a.when)}</span> : null}
              </li>
            ))}
          </ul>
        ) : <span className="muted">none recorded</span>}
      </Row>
      <Row label="Ingredients">
        {c2pa.ingredients.length ? (
          <ul className="prov-actions">
            {c2pa.ingredients.map((g, i) => <li key={i}>{g.title ?? 'untitled'}{g.format ? ` (${g.format})` : ''}{g.relationship ? ` · ${g.relationship}` : ''}</li>)}
          </ul>
        ) : null}
      </Row>
      <Row label="Ingredient source types">{c2pa.ingredientDigitalSourceTypes.map((u) => describeTerm(termOf(u))).join(', ')}</Row>
    </Section>
  );
}

/** Every reader's findings, one section per kind of metadata the file carries. */
export function ProvenanceSections({ record }: { record: ProvenanceRecord }) {
  // Shown as the CLI prints it: an ESC in a prompt reads \u001b, not an empty box.
  const { iptc, exif, a1111, comfy, c2pa } = withControlsWrittenOut(record);
  return (
    <>
      {c2pa ? <C2pa c2pa={c2pa} /> : null}
      {iptc ? (
        <Section title="IPTC / XMP">
          <Row label="Digital source type">{iptc.digitalSourceType ? describeTerm(iptc.digitalSourceType.term) : null}</Row>
          <Row label="AI system used">{[iptc.aiSystemUsed, iptc.aiSystemVersionUsed].filter(Boolean).join(' ')}</Row>
          <Row label="AI prompt">{iptc.aiPromptInformation ? <div className="prose">{iptc.aiPromptInformation}</div> : null}</Row>
          <Row label="Prompt writer">{iptc.aiPromptWriterName}</Row>
          <Row label="Creator tool">{iptc.creatorTool}</Row>
        </Section>
      ) : null}
      {exif ? (
        <Section title="EXIF">
          <Row label="Software">{exif.software}</Row>
          <Row label="Camera">{[exif.make, exif.model].filter(Boolean).join(' ')}</Row>
          <Row label="Taken">{exif.dateTimeOriginal}</Row>
          <Row label="User comment">{exif.userComment}</Row>
        </Section>
      ) : null}
      {a1111 ? (
        <Section title="Stable Diffusion WebUI (A1111) parameters">
          <Row label="Prompt"><div className="prose">{a1111.prompt}</div></Row>
          <Row label="Negative prompt">{a1111.negativePrompt ? <div className="prose">{a1111.negativePrompt}</div> : null}</Row>
          <Row label="Model">{[a1111.model, a1111.modelHash && `(hash ${a1111.modelHash})`].filter(Boolean).join(' ')}</Row>
          <Row label="Seed">{a1111.seed === null ? null : String(a1111.seed)}</Row>
          <Row label="Settings">{Object.entries(a1111.params).filter(([k]) => !['Model', 'Model hash', 'Seed'].includes(k)).map(([k, v]) => `${k}: ${v}`).join(' · ')}</Row>
        </Section>
      ) : null}
      {comfy ? (
        <Section title="ComfyUI graph">
          <Row label="Checkpoints">{comfy.checkpoints.join(', ')}</Row>
          <Row label="LoRAs">{comfy.loras.join(', ')}</Row>
          <Row label="Prompts">{comfy.positivePrompts.length ? comfy.positivePrompts.map((p, i) => <div key={i} className="prose">{p}</div>) : null}</Row>
          <Row label="Negative prompts">{comfy.negativePrompts.length ? comfy.negativePrompts.map((p, i) => <div key={i} className="prose">{p}</div>) : null}</Row>
          <Row label="Seeds">{comfy.seeds.join(', ')}</Row>
          <Row label="Samplers">{comfy.samplers?.length ? comfy.samplers.map((s, i) => <div key={i}>{samplerText(s)}</div>) : null}</Row>
        </Section>
      ) : null}
    </>
  );
}

/** Mismatches and read errors, said first and plainly: `consequence` tells what a read error means here. */
export function ProvenanceNotices({ mismatches, errors, consequence }: { mismatches: readonly string[]; errors: readonly string[]; consequence: string }) {
  return (
    <>
      {mismatches.map((m) => <div key={m} className="notice notice-warn prov-mismatch" role="note"><strong>Mismatch:</strong> {m}</div>)}
      {errors.map((e) => (
        <div key={e} className="notice notice-error" role="note"><strong>Provenance error:</strong> {e}. {consequence}</div>
      ))}
    </>
  );
}
