export type MediaType = 'image' | 'video' | 'audio' | 'text' | '3d' | 'other';

// Extensions an artist meets in a VFX pipeline, grouped the way the log filters them.
const EXTENSIONS_BY_TYPE: Record<Exclude<MediaType, 'other'>, readonly string[]> = {
  image: [
    'exr', 'dpx', 'cin', 'tif', 'tiff', 'png', 'jpg', 'jpeg', 'jpe', 'webp', 'psd', 'psb', 'hdr', 'tga', 'bmp',
    'gif', 'heic', 'heif', 'avif', 'jp2', 'j2k', 'jxl', 'sgi', 'rgb', 'tx', 'dng', 'cr2', 'cr3', 'nef', 'arw', 'svg',
  ],
  video: ['mov', 'mp4', 'm4v', 'mxf', 'webm', 'avi', 'mkv', 'r3d', 'braw', 'ari', 'prores', 'mpg', 'mpeg', 'wmv', 'flv'],
  audio: ['wav', 'aif', 'aiff', 'mp3', 'flac', 'ogg', 'oga', 'opus', 'm4a', 'aac', 'wma', 'bwf'],
  text: ['txt', 'md', 'json', 'srt', 'vtt', 'pdf', 'docx', 'doc', 'rtf', 'odt', 'fdx', 'fountain', 'csv', 'xml', 'yaml', 'yml'],
  '3d': [
    'obj', 'fbx', 'abc', 'usd', 'usda', 'usdc', 'usdz', 'gltf', 'glb', 'blend', 'ply', 'stl', 'vdb', 'bgeo', 'ma', 'mb',
    'c4d', 'max', 'hip', 'dae', '3ds',
  ],
};

const TYPE_BY_EXTENSION = new Map<string, MediaType>(
  Object.entries(EXTENSIONS_BY_TYPE).flatMap(([type, extensions]) =>
    extensions.map((extension) => [extension, type as MediaType] as const),
  ),
);

/** Lower-case extension without the dot ("" when the name has none), e.g. "shot.1001.EXR" -> "exr". */
export function extensionOf(fileName: string): string {
  // Not split(/[\\/]/): that builds every folder name of the path to keep the last (once per file logged).
  const baseName = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = baseName.lastIndexOf('.');
  // A leading dot (".bashrc") marks a hidden file, not an extension.
  return dot > 0 ? baseName.slice(dot + 1).toLowerCase() : '';
}

/** Media type of a file judged by its extension alone (content is never read). */
export function mediaTypeOf(fileName: string): MediaType {
  return TYPE_BY_EXTENSION.get(extensionOf(fileName)) ?? 'other';
}
