import { originClaims } from './origin-claims';
import { printable } from './printable';
import type { ProvenanceRecord } from './types';

export interface AssetOrigin {
  /** Logged as a GenAI asset (always true in GenLog today). */
  generated: boolean;
  /** The artist stated that no AI was used. */
  artistSaysNoAI?: boolean;
  /** Found in a watch folder and dismissed: the artist's word that it is not GenAI output to log. */
  dismissed?: boolean;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Where what the file says about its origin contradicts how it was logged, or contradicts itself. One plain
 * sentence per contradiction; an empty list when everything agrees or the file says nothing.
 */
export function provenanceMismatches(record: ProvenanceRecord, asset: AssetOrigin): string[] {
  const claims = originClaims(record);
  const ai = claims.filter((claim) => claim.kind === 'ai');
  const capture = claims.filter((claim) => claim.kind === 'capture');
  const messages: string[] = [];
  if (ai.length > 0 && capture.length > 0) {
    messages.push(
      `The file contradicts itself: ${ai[0]?.statement}, but ${capture[0]?.statement}. ` +
        'Check which metadata is current before relying on either.',
    );
  }
  if (asset.generated && capture.length > 0 && ai.length === 0) {
    for (const claim of capture) {
      messages.push(
        // Read before logging too (genlog provenance, a dropped file): worded for a file logged or about to be.
        `${capitalise(claim.statement)}, so the file says it is a real-world capture, yet everything in GenLog is logged as a generative-AI asset. ` +
          'Check that this is the right file and whether its metadata is out of date.',
      );
    }
  }
  if (asset.dismissed) {
    for (const claim of ai) {
      messages.push(`Dismissed, so neither logged nor disclosed, but ${claim.statement}. Check that it is not generative-AI output the log needs.`);
    }
  } else if (asset.artistSaysNoAI) {
    for (const claim of ai) {
      messages.push(`The artist said no AI was used, but ${claim.statement}.`);
    }
  } else if (!asset.generated) {
    for (const claim of ai) {
      messages.push(`The file is not logged as generative-AI output, but ${claim.statement}.`);
    }
  }
  // Statements quote the file (a software agent, an AI system's name) and are printed as they are on the CLI.
  return messages.map(printable);
}
