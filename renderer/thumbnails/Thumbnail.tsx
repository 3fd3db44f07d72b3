import { useEffect, useSyncExternalStore } from 'react';
import { useStores } from '../app/stores-context';
import type { MediaType } from '../api-types';
import '../styles/provenance.css';

/** A row must stay on screen this long before its thumbnail is asked for: rows scrolled past are never fetched. */
export const THUMBNAIL_SETTLE_MS = 80;

/** What the main process can shrink (sharp's prebuilt formats); anything else shows its type icon without asking. */
const PREVIEWABLE = ['PNG', 'JPG', 'JPEG', 'JPE', 'WEBP', 'TIF', 'TIFF', 'GIF', 'AVIF'];

const TYPE_LABELS: Record<MediaType, string> = { image: 'IMG', video: 'VID', audio: 'AUD', text: 'TXT', '3d': '3D', other: 'FILE' };

/** EXR, DPX and other plates are images GenLog cannot preview: their extension says more than "IMG". */
function typeLabel(mediaType: MediaType, fileName: string): string {
  const ext = extensionOf(fileName);
  return mediaType === 'image' && ext && !PREVIEWABLE.includes(ext) ? ext : TYPE_LABELS[mediaType];
}

function extensionOf(fileName: string): string | undefined {
  return /\.([a-z0-9]{2,4})$/i.exec(fileName)?.[1]?.toUpperCase();
}

/** What the icon stands for before (or instead of) a preview: only a previewable image is ever loading. */
function whyNoImage({ mediaType, fileName }: ThumbnailProps['asset']): string {
  const ext = extensionOf(fileName);
  if (mediaType !== 'image') return 'No preview for this media type.';
  if (ext && PREVIEWABLE.includes(ext)) return 'Loading the preview…';
  return `No preview for ${ext ? `.${ext.toLowerCase()}` : 'extensionless'} files: GenLog previews PNG, JPEG, WebP, TIFF, GIF and AVIF.`;
}

export interface ThumbnailProps {
  asset: { id: number; mediaType: MediaType; fileName: string };
  size: 'row' | 'large';
}

/** An asset's thumbnail, fetched lazily through the shared cache; a media-type icon when there is none. */
export function Thumbnail({ asset, size }: ThumbnailProps) {
  const { thumbnails } = useStores();
  const { id } = asset;
  const entry = useSyncExternalStore((l) => thumbnails.subscribe(id, l), () => thumbnails.peek(id));
  const wanted = asset.mediaType === 'image' && PREVIEWABLE.includes(extensionOf(asset.fileName) ?? '') && !entry;
  useEffect(() => {
    if (!wanted) return;
    let release: (() => void) | undefined;
    const timer = setTimeout(() => { release = thumbnails.want(id); }, size === 'row' ? THUMBNAIL_SETTLE_MS : 0);
    return () => {
      clearTimeout(timer);
      release?.();
    };
  }, [thumbnails, id, wanted, size]);

  if (entry?.dataUrl) {
    return <img className={`thumb thumb-${size}`} src={entry.dataUrl} alt={size === 'large' ? `Preview of ${asset.fileName}` : ''} data-testid={`thumb-${id}`} />;
  }
  const label = typeLabel(asset.mediaType, asset.fileName);
  const why = entry?.reason ?? whyNoImage(asset);
  // The label is drawn by CSS (attr()), so the cell's text stays the file name for search, copy and screen readers.
  return size === 'large'
    ? <span className="thumb thumb-large thumb-icon" data-label={label} title={why} role="img" aria-label={`${label}: ${why}`} />
    : <span className="thumb thumb-row thumb-icon" data-label={label} title={why} aria-hidden="true" />;
}
