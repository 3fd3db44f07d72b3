/**
 * Source of the parser thread, run with `new Worker(PARSER_WORKER_SOURCE, { eval: true })` (an eval worker needs no
 * file path, so it works both from TypeScript sources under vitest and from the bundled build).
 *
 * Only library calls that hostile input could make hang or balloon run here: exifr (its XMP parser is quadratic on
 * crafted input) and the c2pa-rs WebAssembly reader. The main thread times each job out and replaces the thread.
 * The C2PA reader's WebAssembly module comes compiled with the first C2PA job (the main thread compiles it once for
 * every parser thread) and is instantiated then. After a WebAssembly trap the thread exits, because
 * the module's state can no longer be trusted; the main thread starts a fresh one for the next job.
 *
 * Messages in:  { type: 'metadata', id, tiff, xmp, tiffPath }  |  { type: 'c2pa', id, format, bytes, withCrJson, module }
 * Messages out: { type: 'done', id, result }  |  { type: 'failed', id, message, fatal, fromLibrary }
 * A metadata result's errors are { part: 'EXIF' | 'XMP', message }: the main thread words them for the reader.
 * `fromLibrary` is false only when the reader could not be set up, which is no fault of the file.
 */
export const PARSER_WORKER_SOURCE = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');

const exifr = require(workerData.exifrPath);
const C2PA_SETTINGS = JSON.stringify({ verify: { remote_manifest_fetch: false, ocsp_fetch: false } });
let c2pa = null;

const EXIF_OPTIONS = {
  tiff: true, ifd0: true, exif: true, ifd1: false, gps: false, interop: false,
  xmp: false, iptc: false, icc: false, jfif: false, ihdr: false,
  makerNote: false, userComment: true, mergeOutput: false,
  reviveValues: false, translateValues: false, translateKeys: true, silentErrors: true, chunked: false,
};

// A library's message on one line and of bounded size: it is posted across threads and ends up in a one-line report.
function messageOf(error) {
  const text = error && error.message ? String(error.message) : String(error);
  return text.slice(0, 2000).replace(/\s+/g, ' ').trim();
}

async function readMetadata(job) {
  const result = { exif: null, xmp: [], rawXmp: [], errors: [] };
  if (job.tiffPath) {
    try {
      // The XMP comes back as text: the main thread marks its AI fields as text before it is parsed (xmp-values.ts).
      const output = await exifr.parse(job.tiffPath, Object.assign({}, EXIF_OPTIONS, { xmp: { parse: false }, chunked: true }));
      if (output) {
        for (const error of output.errors || []) result.errors.push({ part: 'EXIF', message: messageOf(error) });
        delete output.errors;
        if (typeof output.xmp === 'string') result.rawXmp.push(output.xmp);
        delete output.xmp;
        result.exif = output;
      }
    } catch (error) {
      result.errors.push({ part: 'EXIF', message: messageOf(error) });
    }
  }
  if (job.tiff) {
    try {
      const output = await exifr.parse(job.tiff, EXIF_OPTIONS);
      if (output) {
        for (const error of output.errors || []) result.errors.push({ part: 'EXIF', message: messageOf(error) });
        delete output.errors;
        result.exif = output;
      }
    } catch (error) {
      result.errors.push({ part: 'EXIF', message: messageOf(error) });
    }
  }
  for (const packet of job.xmp || []) {
    try {
      const output = await exifr.sidecar(packet, {}, 'xmp');
      if (output) result.xmp.push(output);
    } catch (error) {
      result.errors.push({ part: 'XMP', message: messageOf(error) });
    }
  }
  return result;
}

async function loadC2pa(compiled) {
  if (!c2pa) {
    try {
      const module = await import(workerData.c2paUrl);
      module.initSync({ module: compiled || readFileSync(workerData.c2paWasmPath) });
      c2pa = module;
    } catch (error) {
      throw Object.assign(new Error('the C2PA reader could not be loaded: ' + messageOf(error)), { setup: true });
    }
  }
  return c2pa;
}

async function readC2pa(job) {
  const { WasmReader } = await loadC2pa(job.module);
  const reader = await WasmReader.fromBytes(job.format, job.bytes, C2PA_SETTINGS);
  try {
    return { json: reader.json(), crJson: job.withCrJson ? reader.crJson() : null };
  } finally {
    reader.free();
  }
}

parentPort.on('message', async (job) => {
  try {
    const result = job.type === 'c2pa' ? await readC2pa(job) : await readMetadata(job);
    parentPort.postMessage({ type: 'done', id: job.id, result });
  } catch (error) {
    const fatal = error instanceof WebAssembly.RuntimeError;
    const fromLibrary = !(error && error.setup);
    parentPort.postMessage({ type: 'failed', id: job.id, message: messageOf(error), fatal, fromLibrary });
    if (fatal) process.exit(1);
  }
});
`;
