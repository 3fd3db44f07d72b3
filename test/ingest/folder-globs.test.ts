import { describe, expect, it } from 'vitest';
import { globMatcher } from '../../main/ingest/folder-globs';

describe('globMatcher', () => {
  it('reads "[!...]" as the shell does: any character but those', () => {
    const notS = globMatcher(['[!s]*.exr']);
    expect(notS('bg_plate.exr')).toBe(true);
    expect(notS('shot.1001.exr')).toBe(false);
    expect(globMatcher(['renders/v[!0-9]*/*.png'])('renders/vx/a.png')).toBe(true);
    expect(globMatcher(['renders/v[!0-9]*/*.png'])('renders/v2/a.png')).toBe(false);
    expect(globMatcher(['shot_[!ab][!c].png'])('shot_xd.png')).toBe(true);
    expect(globMatcher(['shot_[!ab][!c].png'])('shot_xc.png')).toBe(false);
  });

  it('keeps "[^...]", classes and an escaped bracket as they were', () => {
    expect(globMatcher(['[^s]*.exr'])('shot.exr')).toBe(false);
    expect(globMatcher(['shot_[0-9].png'])('shot_7.png')).toBe(true);
    expect(globMatcher(['\\[!a].png'])('[!a].png')).toBe(true);
    expect(globMatcher(['\\[!a].png'])('b.png')).toBe(false);
  });

  it('matches a name in any subfolder, a path from the folder, and ignores case', () => {
    expect(globMatcher(['*.png'])('a/b/SHOT.PNG')).toBe(true);
    expect(globMatcher(['tmp/**'])('a/tmp/x.png')).toBe(false);
    expect(globMatcher(['tmp/**'])('tmp/x.png')).toBe(true);
  });
});
