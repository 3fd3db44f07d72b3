import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathStager, type FileStager } from '../../../renderer/file-stager';

/**
 * Real files on disk handed to the UI as File objects, each mapped to its path as Electron's
 * webUtils.getPathForFile does, so the real API hashes them in place.
 */
export function diskFiles(dir: () => string) {
  const paths = new Map<File, string>();
  return {
    paths,
    file(name: string, content: string | Buffer): File {
      const path = join(dir(), name);
      writeFileSync(path, content);
      const file = new File([typeof content === 'string' ? content : new Uint8Array(content)], name);
      paths.set(file, path);
      return file;
    },
    stager(): FileStager {
      return pathStager((f) => paths.get(f) ?? '');
    },
  };
}
