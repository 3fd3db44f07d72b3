import type { ComfySampler } from '../provenance/types';

/** "KSampler: euler, normal, 20 steps, CFG 8, denoise 1": what a ComfyUI sampler node was set to, as far as the graph says. */
export function samplerText(s: ComfySampler): string {
  const settings = [
    s.sampler, s.scheduler, s.steps === null ? null : `${s.steps} steps`, s.cfg === null ? null : `CFG ${s.cfg}`,
    s.denoise === null ? null : `denoise ${s.denoise}`,
  ].filter((part): part is string => part !== null);
  return `${s.node}: ${settings.join(', ') || 'settings come from other nodes'}`;
}
