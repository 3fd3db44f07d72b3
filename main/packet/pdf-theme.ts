import type { Classification, Hosting, OnScreen, Outcome, Severity } from './manifest-types';

export const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique', mono: 'Courier' } as const;

export const COLOR = {
  ink: '#101828',
  body: '#344054',
  muted: '#667085',
  rule: '#d0d5dd',
  faint: '#f2f4f7',
  band: '#14213d',
  bandText: '#ffffff',
  bandMuted: '#b8c1d6',
} as const;

export interface Tone {
  label: string;
  ink: string;
  fill: string;
}

export const OUTCOME_TONE: Record<Outcome, Tone> = {
  blocked: { label: 'Blocked', ink: '#b42318', fill: '#fef3f2' },
  escalate: { label: 'Awaiting approval', ink: '#b54708', fill: '#fffaeb' },
  cleared: { label: 'Cleared', ink: '#027a48', fill: '#ecfdf3' },
  disclose: { label: 'Disclosure only', ink: '#175cd3', fill: '#eff8ff' },
};

export const SEVERITY_TONE: Record<Severity, Tone> = {
  blocked: OUTCOME_TONE.blocked,
  escalate: { ...OUTCOME_TONE.escalate, label: 'Needs approval' },
  disclose: { ...OUTCOME_TONE.disclose, label: 'Disclose' },
};

/** Attention first: what stops work, then what waits for Netflix, then the rest. */
export const OUTCOME_ORDER: Outcome[] = ['blocked', 'escalate', 'cleared', 'disclose'];

export const ON_SCREEN_LABEL: Record<OnScreen, string> = { none: 'No', incidental: 'Incidental', prominent: 'Prominent', unsure: 'Unsure' };
export const HOSTING_LABEL: Record<Hosting, string> = { local: 'Local', 'enterprise-cloud': 'Enterprise cloud', 'public-cloud': 'Public cloud', unsure: 'Unsure' };
export const CLASSIFICATION_LABEL: Record<Classification, string> = { temporary: 'temporary', deliverable: 'deliverable' };
