import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type sharpModule from 'sharp';
import type { ApiContext } from '../../api/context';
import { notFound } from '../../api/envelope';
import { getAsset } from '../../../db/assets';
import { assetIngestColumns, listFrames, setThumbnail } from '../../../db/asset-frames';
import { knownHashes } from '../../../db/file-index';
import { extensionOf, hashFile } from '../../ingest';
import { createLimiter } from './limiter';
import { lazyRequire } from '../../lazy-require';

// sharp loads libvips (tens of MB): only thumbnail work should pay for it, not every CLI start.
const sharp = lazyRequire<typeof sharpModule>('sharp');

/** Longest side of a thumbnail: enough for the table and the detail view on a high-density screen. */
export const THUMBNAIL_PX = 256;
/** Formats the bundled image library decodes (its prebuilt binaries have no OpenEXR, DPX or camera raw). */
const THUMBNAIL_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'jpe', 'webp', 'tif', 'tiff', 'gif', 'avif']);
/** Thumbnails made at once in the background: decoding large images is CPU and memory heavy. */
const BACKGROUND_CONCURRENCY = 2;

export function canThumbnail(path: string): boolean {
  return THUMBNAIL_EXTENSIONS.has(extensionOf(path));
}

export function thumbnailsDir(ctx: ApiContext): string {
  return join(ctx.dataDir, 'thumbnails');
}

/** Writes <dir>/<sha256>.webp unless it is already cached; the name is returned. Rejects when the image cannot be decoded. */
export async function renderThumbnail(source: string, dir: string, sha256: string): Promise<string> {
  const name = `${sha256}.webp`;
  const dest = join(dir, name);
  if (await stat(dest).then((s) => s.size > 0, () => false)) return name;
  await mkdir(dir, { recursive: true });
  const partial = `${dest}.${randomBytes(6).toString('hex')}.partial`;
  try {
    // 'truncated': an image cut short decodes as blank or grey pixels that look like a real (empty) picture; failing
    // shows the type icon and says why instead.
    await sharp()(source, { failOn: 'truncated', sequentialRead: true })
      .rotate()
      .resize(THUMBNAIL_PX, THUMBNAIL_PX, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 70 })
      .toFile(partial);
    // Renamed into place so a reader never sees half a thumbnail.
    await rename(partial, dest);
  } finally {
    await rm(partial, { force: true });
  }
  return name;
}

export interface ThumbnailJob {
  assetId: number;
  sha256: string;
  /** The image to shrink: the logged file or a sequence's first frame. */
  source: string;
}

class ThumbnailQueue {
  private readonly limit = createLimiter(BACKGROUND_CONCURRENCY);
  private readonly running = new Set<Promise<void>>();
  constructor(private readonly ctx: ApiContext) {}

  add(job: ThumbnailJob): void {
    const done = this.limit(() => this.make(job)).finally(() => this.running.delete(done));
    this.running.add(done);
  }

  private async make(job: ThumbnailJob): Promise<void> {
    try {
      const name = await renderThumbnail(job.source, thumbnailsDir(this.ctx), job.sha256);
      setThumbnail(this.ctx.db, job.assetId, name);
    } catch {
      // Not every image decodes (truncated, exotic); the UI then shows the media-type icon. Logging never waits on this.
    }
  }

  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
}

const queues = new WeakMap<ApiContext, ThumbnailQueue>();

/**
 * Makes thumbnails after the files are logged, outside the logging transaction. The CLI skips this (a short-lived
 * process would wait for it); thumbnails of CLI-logged assets are made when the app first asks for them.
 */
export function queueThumbnails(ctx: ApiContext, jobs: readonly ThumbnailJob[]): void {
  if (ctx.transport === 'cli') return;
  const wanted = jobs.filter((j) => canThumbnail(j.source));
  if (wanted.length === 0) return;
  let queue = queues.get(ctx);
  if (!queue) {
    queue = new ThumbnailQueue(ctx);
    queues.set(ctx, queue);
  }
  for (const job of wanted) queue.add(job);
}

/** Resolves when every queued thumbnail is made (or failed). */
export function thumbnailsIdle(ctx: ApiContext): Promise<void> {
  return queues.get(ctx)?.idle() ?? Promise.resolve();
}

export interface Thumbnail {
  id: number;
  /** A data: URL of a WebP image, or null when there is none (then `reason` says why). */
  dataUrl: string | null;
  reason: string | null;
}

/** The image a thumbnail is made from and the hash it must still have. */
function sourceOf(ctx: ApiContext, asset: { id: number; path: string; sha256: string }): { path: string; sha256: string } {
  const first = listFrames(ctx.db, asset.id)[0];
  if (first) return { path: join(dirname(asset.path), first.file_name), sha256: first.sha256 };
  return { path: asset.path, sha256: asset.sha256 };
}

/** True when the file on disk is still the content that was logged: the file index vouches for it, else it is hashed. */
async function stillTheSame(ctx: ApiContext, path: string, sha256: string): Promise<boolean> {
  const s = await stat(path);
  const indexed = knownHashes(ctx.db, [{ path, size: s.size, mtimeMs: s.mtimeMs }]).get(path);
  if (indexed !== undefined) return indexed === sha256;
  return (await hashFile(path)).sha256 === sha256;
}

function dataUrl(bytes: Buffer): string {
  return `data:image/webp;base64,${bytes.toString('base64')}`;
}

/**
 * An asset's thumbnail as a data: URL (works the same over Electron IPC and the loopback server, and the page's
 * content policy allows data: images). Made now when missing, from the file if it still has the logged content.
 */
export async function getThumbnail(ctx: ApiContext, id: number): Promise<Thumbnail> {
  const asset = getAsset(ctx.db, id);
  if (!asset) throw notFound(`No asset with id ${id}.`);
  const cached = assetIngestColumns(ctx.db, id)?.thumbnail;
  if (cached) {
    const bytes = await readFile(join(thumbnailsDir(ctx), cached)).catch(() => null);
    if (bytes) return { id, dataUrl: dataUrl(bytes), reason: null };
  }
  const none = (reason: string): Thumbnail => ({ id, dataUrl: null, reason });
  if (!asset.path) return none('The file was uploaded through a browser, so GenLog has no copy to preview.');
  const source = sourceOf(ctx, asset);
  if (!canThumbnail(source.path)) return none(`No preview for .${extensionOf(source.path) || 'extensionless'} files.`);
  try {
    if (!(await stillTheSame(ctx, source.path, source.sha256))) {
      return none(`The file at ${source.path} has changed since it was logged, so it cannot stand for this asset.`);
    }
  } catch {
    return none(`The file at ${source.path} can no longer be read (moved or deleted).`);
  }
  try {
    const name = await renderThumbnail(source.path, thumbnailsDir(ctx), asset.sha256);
    setThumbnail(ctx.db, id, name);
    return { id, dataUrl: dataUrl(await readFile(join(thumbnailsDir(ctx), name))), reason: null };
  } catch (error) {
    return none(await whyNoPreview(source.path, error));
  }
}

/** Why an image that should preview did not, in words about the file rather than the decoder. */
async function whyNoPreview(path: string, error: unknown): Promise<string> {
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) {
    const size = await sharp()(path, { limitInputPixels: false }).metadata().then((m) => (m.width && m.height ? `${m.width} × ${m.height} pixels` : null), () => null);
    return `The image is too large to preview${size ? ` (${size})` : ''}: GenLog previews images up to about 268 megapixels. The asset is logged whole; only the preview is left out.`;
  }
  return `The image could not be decoded (${message}): the file may be incomplete or damaged. The asset is logged as it is.`;
}

/** Thumbnails for newly logged single-file images (logAssets); sequences queue their first frame themselves. */
export function queueLoggedThumbnails(ctx: ApiContext, assets: readonly { id: number; sha256: string; path: string; mediaType: string; duplicate: boolean }[]): void {
  queueThumbnails(ctx, assets.filter((a) => !a.duplicate && a.mediaType === 'image' && a.path).map((a) => ({ assetId: a.id, sha256: a.sha256, source: a.path })));
}
