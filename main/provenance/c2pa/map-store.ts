import { clipText } from '../limits';
import type { C2paAction, C2paIngredient, C2paRecord } from '../types';
import type { ManifestStoreJson, StoreAction, StoreManifest } from './store-json';
import { validationOf } from './validation';

const ACTIONS_LABEL = /^c2pa\.actions(\.v2)?(__\d+)?$/;
/** Libraries that build manifests for a product; the product name is the useful one. */
const LIBRARY_NAME = /c2pa|cai-|contentauth/i;

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? clipText(value.trim()) : null;
}

function agentName(agent: StoreAction['softwareAgent']): string | null {
  if (typeof agent === 'string') return text(agent);
  if (agent && typeof agent === 'object') {
    const name = text(agent.name);
    const version = text(agent.version);
    return name && version ? `${name} ${version}` : name;
  }
  return null;
}

function actionsOf(manifest: StoreManifest): C2paAction[] {
  const actions: C2paAction[] = [];
  for (const assertion of manifest.assertions ?? []) {
    if (!ACTIONS_LABEL.test(assertion.label ?? '')) continue;
    const agents = assertion.data?.softwareAgents ?? [];
    for (const action of assertion.data?.actions ?? []) {
      const indexed = typeof action.softwareAgentIndex === 'number' ? agents[action.softwareAgentIndex] : undefined;
      actions.push({
        action: text(action.action) ?? 'unknown',
        digitalSourceType: text(action.digitalSourceType),
        softwareAgent: agentName(action.softwareAgent ?? indexed),
        when: text(action.when),
      });
    }
  }
  return actions;
}

/** "Adobe_Illustrator/28.0 adobe_c2pa/0.7.6 c2pa-rs/0.25.2" and claim_generator_info -> ["Adobe Illustrator"]. */
function productsOf(manifest: StoreManifest): string[] {
  const info = manifest.claim_generator_info;
  const entries = Array.isArray(info) ? info : info ? [info] : [];
  const fromInfo = entries.map((entry) => text(entry.name)).filter((name): name is string => !!name && !LIBRARY_NAME.test(name));
  if (fromInfo.length > 0) return fromInfo;
  const first = text(manifest.claim_generator)?.split(/\s+/)[0]?.split('/')[0]?.replace(/_/g, ' ');
  return first && !LIBRARY_NAME.test(first) ? [first] : [];
}

/**
 * The claim generator as the manifest names it: C2PA 2.x claims carry only claim_generator_info, whose version is
 * part of what made the file ("Nuke 15.1v3", not "Nuke").
 */
function claimGeneratorOf(manifest: StoreManifest): string | null {
  const named = text(manifest.claim_generator);
  if (named) return named;
  const info = manifest.claim_generator_info;
  const entries = Array.isArray(info) ? info : info ? [info] : [];
  const described = entries
    .map((entry) => [text(entry.name), text(entry.version)].filter(Boolean).join(' '))
    .filter((entry) => entry !== '');
  return described.length > 0 ? described.join(', ') : null;
}

function ingredientsOf(manifest: StoreManifest): C2paIngredient[] {
  return (manifest.ingredients ?? []).map((ingredient) => ({
    title: text(ingredient.title),
    format: text(ingredient.format),
    relationship: text(ingredient.relationship),
  }));
}

/**
 * Maps c2pa-rs's manifest store JSON to GenLog's record. `manifestOnly` says the reader saw the manifest without
 * the file, so content-hash results are left to the caller.
 */
export function mapManifestStore(store: ManifestStoreJson, source: C2paRecord['source'], manifestOnly: boolean): C2paRecord {
  const manifests = store.manifests ?? {};
  const activeLabel = store.active_manifest;
  const active: StoreManifest = (activeLabel ? manifests[activeLabel] : undefined) ?? {};
  const earlierTypes = new Set<string>();
  for (const [label, manifest] of Object.entries(manifests)) {
    if (label === activeLabel) continue;
    for (const action of actionsOf(manifest)) if (action.digitalSourceType) earlierTypes.add(action.digitalSourceType);
  }
  const signature = active.signature_info ?? {};
  const signer = text(signature.common_name) ?? text(signature.issuer);
  return {
    claimGenerator: claimGeneratorOf(active),
    claimGeneratorProducts: productsOf(active),
    signer,
    issuer: text(signature.issuer),
    signingTime: text(signature.time),
    actions: actionsOf(active),
    ingredientDigitalSourceTypes: [...earlierTypes],
    ingredients: ingredientsOf(active),
    validation: validationOf(store, signer, manifestOnly),
    source,
  };
}
