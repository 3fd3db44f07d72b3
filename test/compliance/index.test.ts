import { describe, expect, it } from 'vitest';
import * as compliance from '../../main/compliance';

describe('public API', () => {
  it('exposes the engine, the tables and the helpers the CLI and UI use', () => {
    for (const name of [
      'assess', 'outcomeOf', 'RULES', 'PRINCIPLES', 'PRESETS', 'FACT_QUESTIONS', 'parseFactFlags', 'factFlagsHelp',
      'parseFacts', 'defaultFacts', 'applyFacts', 'parseToolTerms', 'parseRuleIds', 'INPUTS', 'OUTPUTS', 'ON_SCREEN',
      'CONSENT_KINDS', 'OUTCOMES',
    ]) {
      expect(compliance, name).toHaveProperty(name);
    }
  });

  it('assesses through the index the same way', () => {
    const a = compliance.assess(
      { classification: 'deliverable', facts: compliance.presetFacts('key-visual'), tools: [], productionId: 1 },
      { consents: [], approvals: [], today: '2025-09-15' },
    );
    expect(a.findings.map((f) => f.rule)).toEqual(['W-FINAL', 'W-CREATIVE-KEY', 'P1', 'P2', 'P3', 'P4']);
    expect(a.outcome).toBe('escalate');
  });
});
