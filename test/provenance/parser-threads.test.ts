import { copyFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeParserThread, readProvenance } from '../../main/provenance';
import { parserThreadCount } from '../../main/provenance/worker/parser-thread';
import { sharedC2paFixture, tempDir } from './helpers/paths';

afterAll(closeParserThread);

describe('parser threads', () => {
  it('checks several C2PA files at once on more than one thread, each with its own verdict', async () => {
    await closeParserThread();
    const dir = tempDir();
    // Signed JPEGs: their manifests go to c2pa-rs (a signed PNG of the common shape is checked natively, off the threads).
    const files = [1, 2, 3, 4].map((n) => {
      const file = join(dir, `icon_${n}.jpg`);
      copyFileSync(sharedC2paFixture('trustnxt-icon-signed-timestamp.jpg'), file);
      return file;
    });
    const reading = Promise.all(files.map((f) => readProvenance(f)));
    const records = await reading;
    for (const r of records) {
      expect(r.errors).toEqual([]);
      expect(r.c2pa?.validation.state).toBe('untrusted');
      expect(r.c2pa?.signer).toBe('C2PA Signer');
    }
    expect(parserThreadCount()).toBe(Math.min(4, availableParallelism()));
  });
});
