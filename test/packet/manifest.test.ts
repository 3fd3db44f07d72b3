import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaPath } from '../../main/packet/schema-path';
import { assertValidManifest, ManifestInvalidError, validateManifest } from '../../main/packet/validate-manifest';
import type { PacketManifest } from '../../main/packet/manifest-types';
import { buildFixtureManifest } from './fixture-manifest';
import { REPO_ROOT } from './helpers';

const clone = (m: PacketManifest): Record<string, unknown> => JSON.parse(JSON.stringify(m)) as Record<string, unknown>;

describe('packet manifest schema', () => {
  it('is found under assets/schemas and is draft 2020-12 with schemaVersion 1.0', () => {
    const file = schemaPath();
    expect(file).toBe(path.join(REPO_ROOT, 'assets', 'schemas', 'packet-manifest.schema.json'));
    const schema = JSON.parse(readFileSync(file, 'utf8')) as { $schema: string; properties: { schemaVersion: { const: string } } };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.properties.schemaVersion.const).toBe('1.0');
  });

  it('accepts the fixture, a draft (unapproved) packet and an empty packet', () => {
    expect(validateManifest(buildFixtureManifest())).toEqual([]);
    expect(validateManifest(buildFixtureManifest({ approvedBy: null, approvedAt: null, supersedes: null }))).toEqual([]);
    expect(validateManifest(buildFixtureManifest({ assets: [], plannedUses: [], approvals: [], consents: [] }))).toEqual([]);
  });

  it.each([
    ['a missing field', (m: Record<string, unknown>) => delete m.packetId, '/packetId: is required'],
    ['a bad asset hash', (m: Record<string, unknown>) => ((m.assets as Array<Record<string, unknown>>)[1]!.sha256 = 'abc'), '/assets/1/sha256: must be 64 lowercase hex digits'],
    ['an impossible date', (m: Record<string, unknown>) => ((m.scope as Record<string, unknown>).since = '2025-02-30'), '/scope/since: must match format "date" (or be null)'],
    ['a date-time without zone', (m: Record<string, unknown>) => (m.createdAt = '2025-09-25 10:00'), '/createdAt: must match format "date-time"'],
    ['the wrong schema version', (m: Record<string, unknown>) => (m.schemaVersion = '2.0'), '/schemaVersion: must be "1.0"'],
    ['an unknown outcome', (m: Record<string, unknown>) => ((m.assets as Array<Record<string, unknown>>)[0]!.outcome = 'ok'), '/assets/0/outcome: must be one of "disclose", "escalate", "blocked", "cleared"'],
    ['a stray field', (m: Record<string, unknown>) => (m.consentDocument = 'base64...'), '/consentDocument: is not allowed here'],
    ['a stray tool field', (m: Record<string, unknown>) => (((m.assets as Array<{ tools: Array<Record<string, unknown>> }>)[0]!.tools[0]!).apiKey = 'x'), '/assets/0/tools/0/apiKey: is not allowed here'],
    ['a bad e-mail', (m: Record<string, unknown>) => (((m.production as { netflixContact: Record<string, unknown> }).netflixContact).email = 'dana at example'), '/production/netflixContact/email: must match format "email"'],
    ['approvedBy without approvedAt', (m: Record<string, unknown>) => (m.approvedAt = null), '/approvedAt: must be string'],
    ['a bad fingerprint', (m: Record<string, unknown>) => (m.signingKeyFingerprint = 'abc'), '/signingKeyFingerprint: must match pattern'],
    ['counts that do not add up', (m: Record<string, unknown>) => ((m.counts as Record<string, number>).blocked = 3), '/counts/blocked: says 3 but 1 asset(s) have outcome "blocked"'],
    ['an approval that does not exist', (m: Record<string, unknown>) => ((m.assets as Array<{ approvals: string[] }>)[2]!.approvals = ['APR-NOPE']), '/assets/2/approvals/0: no approval with id "APR-NOPE" in /approvals'],
    ['a finding covered by a denied approval', (m: Record<string, unknown>) => ((m.assets as Array<{ findings: Array<{ coveredBy: string[] }> }>)[1]!.findings[0]!.coveredBy = ['APR-2025-015']), '/assets/1/findings/0/coveredBy/0: approval "APR-2025-015" was denied, it covers nothing'],
    ['an unknown on-screen value', (m: Record<string, unknown>) => ((m.assets as Array<Record<string, unknown>>)[0]!.onScreen = 'yes'), '/assets/0/onScreen: must be one of "none", "incidental", "prominent", "unsure"'],
    ['an empty title', (m: Record<string, unknown>) => ((m.production as Record<string, unknown>).title = '  '), '/production/title: must not be empty'],
    ['a tool missing from the disclosure list', (m: Record<string, unknown>) => (m.toolDisclosure as unknown[]).shift(), '/assets/0/tools/0: tool "FaceForge" is missing from /toolDisclosure'],
  ])('refuses %s, naming the field', (_label, change, expected) => {
    const m = clone(buildFixtureManifest());
    change(m);
    const problems = validateManifest(m);
    expect(problems.some((p) => p.startsWith(expected)), problems.join('\n')).toBe(true);
  });

  it('reports each problem once, not once per oneOf branch', () => {
    const m = clone(buildFixtureManifest());
    m.approvedAt = 'yesterday';
    const problems = validateManifest(m);
    expect(problems).toEqual(['/approvedAt: must match format "date-time" (or be null)']);
  });

  it('refuses things that are not manifests at all', () => {
    expect(validateManifest(null)).toEqual(['/: must be object']);
    expect(validateManifest('manifest')).toEqual(['/: must be object']);
  });

  it('assertValidManifest throws a ManifestInvalidError listing the problems', () => {
    const m = clone(buildFixtureManifest());
    delete m.production;
    expect(() => assertValidManifest(m)).toThrow(ManifestInvalidError);
    try {
      assertValidManifest(m);
    } catch (err) {
      expect((err as ManifestInvalidError).problems).toEqual(['/production: is required']);
      expect((err as Error).message).toContain('/production: is required');
    }
  });
});
