import { describe, expect, it } from 'vitest';
import { compileFilter } from '../../main/services/ingest/watch-globs';

describe('watch folder filter', () => {
  it('passes over hidden entries and the OS\'s own files, as folder scans do, and applies the globs', () => {
    const filter = compileFilter({ include: ['*.exr', '*.db'], exclude: ['tmp/**'] });
    expect(filter.file('shot/a.exr')).toBe(true);
    expect(filter.file('renders.db')).toBe(true);
    expect(filter.file('Thumbs.db')).toBe(false);
    expect(filter.file('shot/THUMBS.DB')).toBe(false);
    expect(filter.file('shot/.partial.exr')).toBe(false);
    expect(filter.file('tmp/a.exr')).toBe(false);
    expect(filter.folderExcluded('.cache')).toBe(true);
    expect(filter.folderExcluded('shot')).toBe(false);
  });

  it('matches globs ignoring case and never takes a C2PA sidecar manifest, as folder scans do', () => {
    const filter = compileFilter({ include: ['*.png', '*'], exclude: ['TMP/**'] });
    expect(filter.file('shot/HERO.PNG')).toBe(true);
    expect(filter.file('tmp/a.png')).toBe(false);
    expect(filter.file('shot/hero.png.c2pa')).toBe(false);
    expect(filter.file('shot/hero.C2PA')).toBe(false);
    // Looked at all the same, for the drafts of the files they describe; hidden or excluded ones are not.
    expect(filter.sidecar('shot/hero.png.c2pa')).toBe(true);
    expect(filter.sidecar('shot/hero.C2PA')).toBe(true);
    expect(filter.sidecar('tmp/hero.c2pa')).toBe(false);
    expect(filter.sidecar('.cache/hero.c2pa')).toBe(false);
    expect(filter.sidecar('shot/hero.png')).toBe(false);
  });
});
