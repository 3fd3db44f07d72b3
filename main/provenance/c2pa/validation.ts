import { printable } from '../printable';
import type { C2paValidationState } from '../types';
import type { ManifestStoreJson, StatusEntry } from './store-json';

/** Status codes about the file's bytes; meaningless when the reader was given the manifest alone. */
const CONTENT_HASH_CODES = /^assertion\.(dataHash|bmffHash|boxesHash|collectionHash)\./;

function isTrustCode(code: string): boolean {
  return code.endsWith('.untrusted');
}

/** The words every "no trust list confirms this" problem carries, and no other problem does. */
const NOT_ON_TRUST_LIST = 'is not on any trust list GenLog has';
const NO_TRUST_LIST = 'No trust list is configured';

/**
 * Whether a validation problem only says that no trust list vouches for a signer or time stamp authority: true of
 * every signed file without a trust list, so it is shown in the record but not raised as an alert.
 */
function isTrustListProblem(problem: string): boolean {
  return problem.includes(NOT_ON_TRUST_LIST) || problem.startsWith(NO_TRUST_LIST);
}

/**
 * Checks that could not be made on a manifest that is not invalid (a damaged time stamp, an ingredient's failed
 * manifest): raised like a failure, since the record cannot vouch for what they cover. Empty for an invalid one,
 * whose problems are the failure itself.
 */
export function uncheckedProblems(validation: { state: C2paValidationState; problems: string[] } | null | undefined): string[] {
  if (!validation || validation.state === 'invalid') return [];
  return withoutTrustListNotes(validation.problems);
}

/** Problems without the trust-list note every signed file carries: for an invalid manifest, why it failed. */
export function withoutTrustListNotes(problems: readonly string[]): string[] {
  return problems.filter((p) => !isTrustListProblem(p));
}

function describeFailure(entry: StatusEntry, signer: string | null): string {
  const code = entry.code ?? 'unknown';
  if (code === 'signingCredential.untrusted') {
    return `The signer${signer ? ` "${signer}"` : ''} ${NOT_ON_TRUST_LIST}, so who signed cannot be confirmed`;
  }
  if (code === 'timeStamp.untrusted') return `The time stamp authority ${NOT_ON_TRUST_LIST}`;
  if (CONTENT_HASH_CODES.test(code) && code.endsWith('.mismatch')) {
    return `The file's content does not match the hash in its C2PA manifest: it was changed after signing (${code})`;
  }
  if (code.startsWith('claimSignature.')) return `The manifest's signature does not verify: ${entry.explanation ?? code} (${code})`;
  return `${entry.explanation ?? 'validation failed'} (${code})`;
}

export interface ValidationOutcome {
  state: C2paValidationState;
  problems: string[];
}

/**
 * Turns c2pa-rs validation results into GenLog's state. With no trust list every signer is untrusted: that alone
 * gives 'untrusted', never 'invalid'. Any other failure of the active manifest gives 'invalid'. When the reader saw
 * only the manifest (`manifestOnly`), content-hash results are dropped: the caller checks the content itself.
 */
export function validationOf(store: ManifestStoreJson, signer: string | null, manifestOnly: boolean): ValidationOutcome {
  const failures = store.validation_results?.activeManifest?.failure ?? store.validation_status ?? [];
  const relevant = failures.filter((entry) => !(manifestOnly && CONTENT_HASH_CODES.test(entry.code ?? '')));
  const problems = new Set<string>();
  let invalid = false;
  let untrusted = false;
  for (const entry of relevant) {
    if (isTrustCode(entry.code ?? '')) untrusted = true;
    else invalid = true;
    problems.add(describeFailure(entry, signer));
  }
  // c2pa-rs files a time stamp it cannot verify (damaged, or not over this signature) as informational and drops the
  // signing time: without saying so it would look like a manifest that was never time-stamped.
  for (const entry of store.validation_results?.activeManifest?.informational ?? []) {
    const code = entry.code ?? '';
    if (code.startsWith('timeStamp.')) {
      problems.add(`The time stamp could not be verified, so when it was signed is not known: ${entry.explanation ?? 'no reason given'} (${code})`);
    }
  }
  for (const delta of store.validation_results?.ingredientDeltas ?? []) {
    for (const entry of delta.validationDeltas?.failure ?? []) {
      if (isTrustCode(entry.code ?? '')) continue;
      problems.add(`An ingredient's own manifest failed validation: ${describeFailure(entry, null)}`);
    }
  }
  if (!invalid && !manifestOnly && store.validation_state === 'Invalid') {
    // Never let a failure hide: c2pa-rs calls a manifest Invalid only for a real failure, even if unlisted.
    invalid = true;
    problems.add('The C2PA reader reports the manifest as invalid without naming the failure');
  }
  let state: C2paValidationState;
  if (invalid) state = 'invalid';
  else if (store.validation_state === 'Trusted' && !untrusted) state = 'valid';
  else {
    state = 'untrusted';
    if (!untrusted) problems.add(`${NO_TRUST_LIST}, so who signed cannot be confirmed`);
  }
  // Explanations quote the manifest (signer names, labels): a hostile one must not put control characters in a report.
  return { state, problems: [...problems].map(printable) };
}
