import { applyFacts, defaultFacts, type Classification, type Facts } from './facts';

/*
 * Starting points for a planned use, drawn from Netflix's use-case matrix (rules doc section 5). A preset only
 * states what the use is; facts it leaves out keep their cautious defaults ("unsure"), so the artist still has to
 * answer them (e.g. whether the output recreates unowned material).
 */

export interface PlannedUsePreset {
  id: string;
  title: string;
  /** One line: what the use is and what Netflix's matrix says about it. */
  description: string;
  /** How this use is normally classified in the log. */
  classification: Classification;
  facts: Partial<Facts>;
}

export const PRESETS: readonly PlannedUsePreset[] = [
  {
    id: 'ideation',
    title: 'Ideation / moodboard',
    description: 'Moodboards and reference images that never reach the screen. Netflix: fine, disclose only.',
    classification: 'temporary',
    facts: { onScreen: 'none', inputs: [], outputs: [] },
  },
  {
    id: 'background-props',
    title: 'Background signage / props',
    description:
      'Signage, posters, documents or clippings seen on camera. Netflix: judgment call, escalate if story-relevant; may need rights clearance.',
    classification: 'deliverable',
    facts: { onScreen: 'unsure', outputs: [] },
  },
  {
    id: 'key-visual',
    title: 'Key visual / character design',
    description: 'Final character designs, key visuals or story-central settings. Netflix: escalate.',
    classification: 'deliverable',
    facts: { onScreen: 'prominent', outputs: ['key-creative'] },
  },
  {
    id: 'digital-replica',
    title: 'Digital replica',
    description: 'A digital performer or likeness of real talent. Netflix: escalate; needs documented consent and guild compliance.',
    classification: 'deliverable',
    facts: { onScreen: 'prominent', inputs: ['talent-likeness'], outputs: ['digital-replica'] },
  },
  {
    id: 'synthetic-voice',
    title: 'Synthetic voice',
    description: "A generated voice of real talent. Netflix: escalate (talent replication); needs the performer's consent.",
    classification: 'deliverable',
    facts: { onScreen: 'prominent', inputs: ['talent-likeness'], outputs: ['synthetic-voice'] },
  },
  {
    id: 'visual-adr',
    title: 'Visual ADR / performance alteration',
    description: "Significantly altering a recorded performance, e.g. re-syncing lips to new dialogue. Netflix: needs the performer's consent.",
    classification: 'deliverable',
    facts: { onScreen: 'prominent', inputs: ['netflix-material'], outputs: ['performance-alteration'], alteration: 'significant' },
  },
  {
    id: 'de-ageing',
    title: 'De-ageing / re-ageing',
    description: "Re-ageing an actor on production plates. Netflix: talent replication, escalate; needs the performer's consent.",
    classification: 'deliverable',
    facts: {
      onScreen: 'prominent',
      inputs: ['netflix-material', 'talent-likeness'],
      outputs: ['performance-alteration'],
      alteration: 'significant',
    },
  },
  {
    id: 'crowd-replacement',
    title: 'Crowd replacement',
    description: 'Generated background performers in place of union-covered extras. Netflix: escalate; needs union approvals or agreements.',
    classification: 'deliverable',
    facts: { onScreen: 'incidental', inputs: ['netflix-material'], outputs: ['replaces-union-work'] },
  },
  {
    id: 'plate-cleanup',
    title: 'Plate cleanup / paint-out',
    description: 'Removing rigs, wires or blemishes from production plates. Customary, but Netflix material goes into the tool.',
    classification: 'deliverable',
    facts: { onScreen: 'incidental', inputs: ['netflix-material'], outputs: [], alteration: 'customary' },
  },
  {
    id: 'fabricated-archival',
    title: 'Fabricated archival / news footage',
    description: 'Material that could pass for real events or archives, even in the background. Netflix: needs written approval.',
    classification: 'deliverable',
    facts: { onScreen: 'unsure', outputs: ['mistakable-for-real'] },
  },
  {
    id: 'style-model',
    title: "Model trained on an artist's work",
    description: "Training or fine-tuning on an artist's or rights holder's material, e.g. to copy a style. Netflix: escalate.",
    classification: 'temporary',
    facts: { inputs: ['rights-holder-training'] },
  },
];

export const PRESET_IDS: readonly string[] = PRESETS.map((p) => p.id);

export function findPreset(id: string): PlannedUsePreset {
  const preset = PRESETS.find((p) => p.id === id.trim().toLowerCase());
  if (!preset) throw new Error(`Unknown planned-use preset ${JSON.stringify(id)} (known: ${PRESET_IDS.join(', ')})`);
  return preset;
}

/** The full facts a preset starts from: cautious defaults overlaid with what the preset states. */
export function presetFacts(id: string): Facts {
  return applyFacts(defaultFacts(), findPreset(id).facts);
}
