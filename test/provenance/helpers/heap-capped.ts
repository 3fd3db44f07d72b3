import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export type CappedOutcome = { result: unknown } | { outOfMemory: true } | { error: string };

/**
 * Runs `body` (the text of an async function body; `lib` holds the exports of `entry`, a module of the repository)
 * in a worker thread whose JavaScript heap is capped at `heapMb`. Memory use is asserted by whether the work fits:
 * measuring it from the test's own heap is too noisy to fail reliably.
 */
export async function runWithHeapCap(entry: string, body: string, heapMb: number): Promise<CappedOutcome> {
  const bundle = await build({ entryPoints: [path.join(repoRoot, entry)], bundle: true, write: false, format: 'cjs', platform: 'node', logLevel: 'silent' });
  const code = bundle.outputFiles[0]?.text ?? '';
  const source = `
    const { parentPort } = require('node:worker_threads');
    const module = { exports: {} };
    (function (module, exports) { ${code} })(module, module.exports);
    const lib = module.exports;
    (async () => { ${body} })().then((result) => parentPort.postMessage({ result }), (error) => parentPort.postMessage({ error: String(error) }));
  `;
  const worker = new Worker(source, { eval: true, resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 8 } });
  try {
    return await new Promise<CappedOutcome>((resolve) => {
      worker.once('message', (message: CappedOutcome) => resolve(message));
      worker.once('error', (error: Error & { code?: string }) =>
        resolve(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { outOfMemory: true } : { error: error.message }),
      );
    });
  } finally {
    await worker.terminate();
  }
}
