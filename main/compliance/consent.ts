import type { ConsentKind, Facts } from './facts';
import type { AssessContext, ConsentRef, Subject } from './types';

/** Talent names match case-insensitively after trimming. */
export function talentKey(name: string): string {
  return name.trim().toLowerCase();
}

/** The named talent, trimmed, blanks dropped, each person once (first spelling kept). */
export function namedTalent(facts: Pick<Facts, 'talent'>): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const raw of facts.talent) {
    const name = raw.trim();
    const key = talentKey(name);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    names.push(name);
  }
  return names;
}

/**
 * A consent covers only its talent, its production (a talent model is used only for the production it was made
 * for), its kinds, and only from the day it was signed through its expiry day.
 */
export function consentCovers(consent: ConsentRef, talent: string, kind: ConsentKind, productionId: number, today: string): boolean {
  return (
    talentKey(consent.talent) === talentKey(talent) &&
    consent.productionId === productionId &&
    consent.kinds.includes(kind) &&
    consent.signed <= today &&
    (consent.expires === null || today <= consent.expires)
  );
}

/** Named talent without a consent covering this kind and production today. */
export function talentWithoutConsent(subject: Subject, ctx: AssessContext, kind: ConsentKind): string[] {
  return namedTalent(subject.facts).filter(
    (name) => !ctx.consents.some((c) => consentCovers(c, name, kind, subject.productionId, ctx.today)),
  );
}

/**
 * Why consent for this kind is not on file, or null when every named talent has it. Naming nobody is a gap too:
 * without a name nobody can check whose consent is needed.
 */
export function consentGap(subject: Subject, ctx: AssessContext, kind: ConsentKind): string | null {
  if (namedTalent(subject.facts).length === 0) return 'no talent named';
  const missing = talentWithoutConsent(subject, ctx, kind);
  if (missing.length === 0) return null;
  return `no ${kind} consent on file for ${missing.join(', ')}`;
}
