import type { ToolRow } from '../../../db/tools';
import type { Tool } from '../../packet';

/** A tool-list row as the manifest names it; an empty version is "not recorded" (null). */
export function manifestTool(t: ToolRow): Tool {
  return {
    name: t.name,
    vendor: t.vendor,
    version: t.version.trim() || null,
    hosting: t.hosting,
    enterprise: t.enterprise,
    trainsOnInputs: t.trains_on_inputs,
    retainsData: t.retains_data,
  };
}
