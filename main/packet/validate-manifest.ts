import { readFileSync } from 'node:fs';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import type Ajv2020Module from 'ajv/dist/2020.js';
import { lazyRequire } from '../lazy-require';
import { isDate, isDateTime, isEmail } from './formats';
import { consistencyProblems } from './manifest-consistency';
import type { PacketManifest } from './manifest-types';
import { schemaPath } from './schema-path';

/** Thrown when a manifest does not satisfy the schema; `problems` name each field by JSON pointer. */
export class ManifestInvalidError extends Error {
  constructor(readonly problems: string[]) {
    super(`The packet manifest is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ManifestInvalidError';
  }
}

const ajvModule = lazyRequire<{ default: typeof Ajv2020Module }>('ajv/dist/2020.js');
let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (compiled) return compiled;
  const file = schemaPath();
  let schema: object;
  try {
    schema = JSON.parse(readFileSync(file, 'utf8')) as object;
  } catch (err) {
    throw new Error(`The manifest schema ${file} cannot be read: ${(err as Error).message}`, { cause: err });
  }
  const Ajv2020 = ajvModule().default;
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
  ajv.addFormat('date', { type: 'string', validate: isDate });
  ajv.addFormat('date-time', { type: 'string', validate: isDateTime });
  ajv.addFormat('email', { type: 'string', validate: isEmail });
  compiled = ajv.compile(schema);
  return compiled;
}

function pointerOf(err: ErrorObject): string {
  const params = err.params as Record<string, unknown>;
  const child = err.keyword === 'required' ? params.missingProperty
    : err.keyword === 'additionalProperties' ? params.additionalProperty
      : err.keyword === 'unevaluatedProperties' ? params.unevaluatedProperty
        : undefined;
  const base = err.instancePath;
  return typeof child === 'string' ? `${base}/${child.replace(/~/g, '~0').replace(/\//g, '~1')}` : base || '/';
}

function messageOf(err: ErrorObject): string {
  if (err.keyword === 'required') return 'is required';
  if (err.keyword === 'additionalProperties' || err.keyword === 'unevaluatedProperties') return 'is not allowed here';
  if (err.keyword === 'const') return `must be ${JSON.stringify((err.params as { allowedValue: unknown }).allowedValue)}`;
  if (err.keyword === 'enum') {
    const allowed = (err.params as { allowedValues: unknown[] }).allowedValues;
    return `must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  if (err.keyword === 'pattern' && /sha256|Sha256/.test(err.instancePath)) return 'must be 64 lowercase hex digits (SHA-256)';
  if ((err.keyword === 'pattern' && (err.params as { pattern: string }).pattern === '\\S') || (err.keyword === 'minLength' && (err.params as { limit: number }).limit === 1)) {
    return 'must not be empty';
  }
  if (/^#\/allOf\/\d+\/then\//.test(err.schemaPath)) return `${err.message ?? 'is not valid'}: approvedBy and approvedAt go together (both set, or both null for a draft)`;
  return err.message ?? 'is not valid';
}

// "x or null" fields fail every oneOf branch; say it once ("must match format "date" (or be null)").
// ajv reports a oneOf's branch errors right before the oneOf error itself (at its path or below).
function foldOneOf(errors: ErrorObject[]): string[] {
  const branchOf = new Map<ErrorObject, ErrorObject[]>();
  const consumed = new Set<ErrorObject>();
  errors.forEach((err, k) => {
    if (err.keyword !== 'oneOf') return;
    const branches: ErrorObject[] = [];
    for (let j = k - 1; j >= 0; j -= 1) {
      const prev = errors[j]!;
      if (consumed.has(prev) || prev.keyword === 'oneOf' || !prev.instancePath.startsWith(err.instancePath)) break;
      branches.push(prev);
      consumed.add(prev);
    }
    branchOf.set(err, branches);
  });
  const isNull = (e: ErrorObject) => e.keyword === 'type' && (e.params as { type: string }).type === 'null';
  const out: string[] = [];
  for (const err of errors) {
    // if/then failures repeat what the "then" branch already reported.
    if (consumed.has(err) || err.keyword === 'if') continue;
    const branches = branchOf.get(err);
    if (!branches) {
      out.push(`${pointerOf(err)}: ${messageOf(err)}`);
      continue;
    }
    const reasons = [...new Set(branches.filter((b) => !isNull(b)).map(messageOf))];
    const reason = reasons.length > 0 ? reasons.join('; ') : 'has the wrong type';
    out.push(`${pointerOf(err)}: ${reason}${branches.some(isNull) ? ' (or be null)' : ''}`);
  }
  return [...new Set(out)];
}

/**
 * Problems with a packet manifest, each starting with the JSON pointer of the field concerned
 * (e.g. "/assets/0/sha256: must be 64 lowercase hex digits (SHA-256)"). Empty when valid.
 * Checks the JSON Schema first, then the cross-references the schema cannot express.
 */
export function validateManifest(obj: unknown): string[] {
  const validate = validator();
  if (!validate(obj)) return foldOneOf(validate.errors ?? []);
  return consistencyProblems(obj as PacketManifest);
}

/** Throws ManifestInvalidError unless the manifest is valid. */
export function assertValidManifest(obj: unknown): asserts obj is PacketManifest {
  const problems = validateManifest(obj);
  if (problems.length > 0) throw new ManifestInvalidError(problems);
}
