import { describe, expect, it } from 'vitest';
import { splitGlobList } from '../../main/ingest/glob-list';

describe('splitGlobList', () => {
  it('splits at commas and line breaks, not at a comma inside braces or brackets', () => {
    expect(splitGlobList('*.{png,exr}, tmp/**')).toEqual(['*.{png,exr}', 'tmp/**']);
    expect(splitGlobList('*.exr\n *.png ,, ')).toEqual(['*.exr', '*.png']);
    expect(splitGlobList('shot_[0-9,a].png,*.{jpg,{tif,tiff}}')).toEqual(['shot_[0-9,a].png', '*.{jpg,{tif,tiff}}']);
    expect(splitGlobList('a\\,b.png,c.png')).toEqual(['a\\,b.png', 'c.png']);
  });

  it('splits at every comma when a brace or bracket never closes (a literal "[" in a name)', () => {
    expect(splitGlobList('[abc, *.png')).toEqual(['[abc', '*.png']);
  });
});
