/** Files the operating system leaves in folders (thumbnail caches, folder settings): never a render, never logged. */
const SYSTEM_FILES = new Set(['thumbs.db', 'ehthumbs.db', 'ehthumbs_vista.db', 'desktop.ini', 'icon\r']);

/** Whether folder scans and watchers pass over an entry: hidden ones (".name") and the OS's own files. */
export function isIgnoredName(name: string): boolean {
  return name.startsWith('.') || SYSTEM_FILES.has(name.toLowerCase());
}

/**
 * A C2PA sidecar manifest ("shot.png.c2pa" or "shot.c2pa"): the provenance of the file beside it, read with that
 * file, never an asset of its own. Takes a file name or a "/" separated path.
 */
export function isSidecarManifest(path: string): boolean {
  return path.toLowerCase().endsWith('.c2pa');
}
