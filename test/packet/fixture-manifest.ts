import { createHash } from 'node:crypto';
import type { ManifestAsset, OutcomeCounts, PacketManifest, Tool, ToolDisclosure } from '../../main/packet/manifest-types';

// A realistic packet for an episodic production: one blocked digital replica, one story-relevant
// poster awaiting approval, one approved matte painting, plus disclosure-only items.

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

export const FIXTURE_FINGERPRINT = `SHA256:${'0a1b'.repeat(16).match(/.{4}/g)!.join(' ')}`;

const firefly: Tool = {
  name: 'Adobe Firefly', vendor: 'Adobe', version: 'Image 4', hosting: 'enterprise-cloud',
  enterprise: 'yes', trainsOnInputs: 'no', retainsData: 'no',
};
const faceForge: Tool = {
  name: 'FaceForge', vendor: 'Synthetic Faces Ltd', version: '2.3', hosting: 'public-cloud',
  enterprise: 'no', trainsOnInputs: 'yes', retainsData: 'yes',
};
const comfy: Tool = {
  name: 'ComfyUI', vendor: 'Comfy Org', version: '0.3.40', hosting: 'local',
  enterprise: 'yes', trainsOnInputs: 'no', retainsData: 'no',
};
const sdxl: Tool = {
  name: 'Stable Diffusion XL', vendor: 'Stability AI', version: '1.0', hosting: 'local',
  enterprise: 'yes', trainsOnInputs: 'no', retainsData: 'no',
};
const izotope: Tool = {
  name: 'RX Dialogue Isolate', vendor: 'iZotope', version: '11', hosting: 'local',
  enterprise: 'yes', trainsOnInputs: 'no', retainsData: 'no',
};

const allYes = { P1: 'yes', P2: 'yes', P3: 'yes', P4: 'yes', P5: 'yes' } as const;

export function fixtureAssets(): ManifestAsset[] {
  return [
    {
      id: 'A-0002', fileName: 'HL_102_newsdesk_anchor_replica_v001.mov', sha256: sha('replica'), size: 184_220_113,
      mediaType: 'video', classification: 'deliverable', onScreen: 'incidental', episode: '102',
      tools: [faceForge], artist: 'Jonas Becker', createdAt: '2025-09-14T16:02:11Z',
      prompt: 'Channel 7 anchor "Ruth Calloway" reading the harbour fire bulletin, 1990s broadcast look',
      facts: { onScreen: 'incidental', inputs: ['netflix-material', 'talent-likeness'], outputs: ['digital-replica', 'mistakable-for-real'], talent: ['Ruth Calloway'] },
      principles: { P1: 'unsure', P2: 'no', P3: 'no', P4: 'no', P5: 'no' },
      findings: [
        { rule: 'W-TALENT-REPLICA', severity: 'blocked', fact: 'outputs=digital-replica, no consent on file for Ruth Calloway', explanation: 'A digital replica of a real performer needs signed, specific consent before it can be used.', howToClear: 'Record a signed digital-replica consent from the performer, or drop the replica.', coveredBy: [] },
        { rule: 'P2', severity: 'blocked', fact: 'FaceForge trainsOnInputs=yes, inputs=netflix-material', explanation: 'Unreleased Netflix footage went into a consumer tool that trains on what it is given.', howToClear: 'Redo the work in an enterprise tool that does not train on inputs.', coveredBy: [] },
        { rule: 'W-ETHICS-REAL', severity: 'escalate', fact: 'outputs=mistakable-for-real', explanation: 'A fake news segment could be mistaken for a real event, even in the background.', howToClear: 'Get written approval from the Netflix contact naming W-ETHICS-REAL.', coveredBy: [] },
      ],
      outcome: 'blocked', approvals: [],
    },
    {
      id: 'A-0003', fileName: 'HL_103_cityhall_campaign_poster_v002.png', sha256: sha('poster'), size: 8_404_551,
      mediaType: 'image', classification: 'deliverable', onScreen: 'prominent', episode: '103',
      tools: [comfy, sdxl], artist: 'Priya Natarajan', createdAt: '2025-09-20T09:41:00+02:00',
      prompt: 'Re-election poster for mayor "Ellis Grant", bold serif, weathered paper, "Vote Grant, keep the lights on"',
      facts: { onScreen: 'prominent', inputs: ['public-figure'], unownedMaterial: 'unsure' },
      principles: { P1: 'unsure', P2: 'yes', P3: 'yes', P4: 'no', P5: 'yes' },
      findings: [
        { rule: 'W-FINAL', severity: 'escalate', fact: 'classification=deliverable, onScreen=prominent', explanation: 'The poster is seen on screen in the final episode, so it needs written approval.', howToClear: 'Get written approval from the Netflix contact naming W-FINAL.', coveredBy: [] },
        { rule: 'W-CREATIVE-REF', severity: 'escalate', fact: 'inputs=public-figure', explanation: 'The prompt may reference a real politician; this needs written approval.', howToClear: 'Get written approval naming W-CREATIVE-REF, or change the prompt.', coveredBy: [], deniedBy: ['APR-2025-015'] },
      ],
      outcome: 'escalate', approvals: [],
    },
    {
      id: 'A-0001', fileName: 'HL_101_harbour_matte_painting_v003.exr', sha256: sha('matte'), size: 96_551_022,
      mediaType: 'image', classification: 'deliverable', onScreen: 'incidental', episode: '101',
      tools: [firefly], artist: 'Marta Lindqvist', createdAt: '2025-09-02T11:15:30Z',
      prompt: 'Night harbour skyline, sodium lights, fog, wide establishing shot, no recognisable landmarks',
      facts: { onScreen: 'incidental', inputs: [], outputs: [] },
      principles: { ...allYes, P4: 'no' },
      findings: [
        { rule: 'W-FINAL', severity: 'escalate', fact: 'classification=deliverable', explanation: 'The matte painting is part of the final picture, so it needs written approval.', howToClear: 'Get written approval from the Netflix contact naming W-FINAL.', coveredBy: ['APR-2025-014'] },
      ],
      outcome: 'cleared', approvals: ['APR-2025-014'],
    },
    {
      id: 'A-0004', fileName: 'HL_moodboard_harbour_night_012.jpg', sha256: sha('moodboard'), size: 2_115_870,
      mediaType: 'image', classification: 'temporary', onScreen: 'none', episode: null,
      tools: [firefly], artist: 'Marta Lindqvist', createdAt: '2025-08-28T15:00:00Z',
      prompt: 'Moodboard, rain-soaked harbour at night, teal and amber, reference only',
      facts: { onScreen: 'none' },
      principles: allYes,
      findings: [],
      outcome: 'disclose', approvals: [],
    },
    {
      id: 'A-0005', fileName: 'HL_104_dialogue_cleanup_sc12_take3.wav', sha256: sha('dialogue'), size: 31_880_400,
      mediaType: 'audio', classification: 'deliverable', onScreen: 'prominent', episode: '104',
      tools: [izotope], artist: 'Sam O\'Connell', createdAt: '2025-09-22T18:30:00Z',
      prompt: null,
      facts: { outputs: ['performance-alteration'], alteration: 'customary', talent: ['Maya Ortiz'] },
      principles: allYes,
      findings: [
        { rule: 'W-TALENT-ALTER', severity: 'disclose', fact: 'alteration=customary', explanation: 'Noise reduction is a customary alteration and needs no extra consent.', coveredBy: [] },
      ],
      outcome: 'disclose', approvals: [],
    },
  ];
}

export function countsOf(assets: ManifestAsset[]): OutcomeCounts {
  const counts: OutcomeCounts = { disclose: 0, escalate: 0, blocked: 0, cleared: 0 };
  for (const a of assets) counts[a.outcome] += 1;
  return counts;
}

export function toolDisclosureOf(assets: ManifestAsset[]): ToolDisclosure[] {
  const byKey = new Map<string, ToolDisclosure>();
  for (const asset of assets) {
    for (const tool of asset.tools) {
      const key = `${tool.name}|${tool.vendor}|${tool.version ?? ''}`;
      const entry = byKey.get(key) ?? { ...tool, dataTerms: termsFor(tool), usedBy: [] };
      if (!entry.usedBy.includes(asset.id)) entry.usedBy.push(asset.id);
      byKey.set(key, entry);
    }
  }
  return [...byKey.values()];
}

function termsFor(tool: Tool): string | null {
  if (tool.trainsOnInputs === 'yes') return 'Consumer terms: prompts and uploads may be used to improve the service.';
  if (tool.hosting === 'local') return 'Runs offline on facility hardware; nothing leaves the building.';
  return 'Enterprise agreement 2025-03: no training on customer content, 30-day deletion.';
}

/** A valid manifest; pass overrides for the fields a test cares about. Counts follow the assets. */
export function buildFixtureManifest(overrides: Partial<PacketManifest> = {}): PacketManifest {
  const assets = overrides.assets ?? fixtureAssets();
  return {
    schemaVersion: '1.0',
    packetId: 'PKT-HL-2025-0007',
    production: {
      code: 'HL', title: 'Harbour Lights — Season 1', vendor: 'Northlight Visual Effects',
      netflixContact: { name: 'Dana Whitfield', email: 'dana.whitfield@example.com' },
    },
    createdBy: 'Elena Ruiz (VFX producer)',
    createdAt: '2025-09-25T10:00:00Z',
    approvedBy: 'Tom Avery (facility manager)',
    approvedAt: '2025-09-25T14:30:00Z',
    scope: { episodes: ['101', '102', '103', '104'], since: '2025-08-01', until: '2025-09-30' },
    plannedUses: [
      { id: 'U-1', title: 'Harbour establishing shots', department: 'Matte painting', description: 'Background matte painting for the harbour establishing shots', classification: 'deliverable', outcome: 'cleared', assets: ['A-0001'] },
      { id: 'U-2', title: 'Diner TV news anchor', department: 'Compositing', description: 'Synthetic news anchor on the TV in the diner scene', classification: 'deliverable', outcome: 'blocked', assets: ['A-0002'] },
      { id: 'U-3', title: 'Mayor campaign poster', department: 'Art department', description: 'Campaign poster read aloud by the mayor in episode 103', classification: 'deliverable', outcome: 'escalate', assets: ['A-0003'] },
      { id: 'U-4', title: 'Look development', department: 'Art department', description: '', classification: 'temporary', outcome: 'disclose', assets: ['A-0004'] },
    ],
    assets,
    toolDisclosure: toolDisclosureOf(assets),
    consents: [
      { id: 'C-0003', talent: 'Maya Ortiz', kinds: ['performance-alteration', 'synthetic-voice'], signed: '2025-06-30', expires: null, evidenceSha256: sha('consent-maya') },
      { id: 'C-0004', talent: 'Owen Fairley', kinds: ['digital-replica'], signed: '2025-07-12', expires: '2026-07-12', evidenceSha256: sha('consent-owen') },
    ],
    approvals: [
      {
        id: 'APR-2025-014', decision: 'approved', approver: 'Dana Whitfield (Netflix)', date: '2025-09-10',
        reference: 'Email "HL 101 matte painting – approved", 10 Sep 2025', rules: ['W-FINAL'],
        evidenceSha256: sha('approval-014'), supersedes: null,
      },
      {
        id: 'APR-2025-015', decision: 'denied', approver: 'Dana Whitfield (Netflix)', date: '2025-09-22',
        reference: 'Email "HL 103 poster: please do not reference real politicians"', rules: ['W-CREATIVE-REF'],
        evidenceSha256: sha('approval-015'), supersedes: null,
      },
    ],
    counts: countsOf(assets),
    supersedes: 'PKT-HL-2025-0004',
    signingKeyFingerprint: FIXTURE_FINGERPRINT,
    ...overrides,
  };
}
