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
    const files = [1, 2, 3, 4].map((n) => {
      const file = join(dir, `titan_${n}.png`);
      copyFileSync(sharedC2paFixture('amazon-titan-g1.png'), file);
      return file;
    });
    const reading = Promise.all(files.map((f) => readProvenance(f)));
    const records = await reading;
    for (const r of records) {
      expect(r.errors).toEqual([]);
      expect(r.c2pa?.validation.state).toBe('untrusted');
      expect(r.c2pa?.actions[0]?.softwareAgent).toBe('Titan Image Generator G1');
    }
    expect(parserThreadCount()).toBe(Math.min(4, availableParallelism()));
  });
});
