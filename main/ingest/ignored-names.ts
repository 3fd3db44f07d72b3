/** Files the operating system leaves in folders (thumbnail caches, folder settings): never a render, never logged. */
const SYSTEM_FILES = new Set(['thumbs.db', 'ehthumbs.db', 'ehthumbs_vista.db', 'desktop.ini', 'icon\r']);

/** Whether folder scans and watchers pass over an entry: hidden ones (".name") and the OS's own files. */
export function isIgnoredName(name: string): boolean {
  return name.startsWith('.') || SYSTEM_FILES.has(name.toLowerCase());
}
