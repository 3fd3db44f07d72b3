/** "/renders/shot/" and "plate.exr" from "/renders/shot/plate.exr"; a folder's trailing separator is not its name. */
export function splitPath(path: string, name?: string): { folder: string; name: string } {
  if (name && path.endsWith(name) && /(^|[/\\])$/.test(path.slice(0, path.length - name.length))) {
    return { folder: path.slice(0, path.length - name.length), name };
  }
  const trimmed = path.replace(/([^/\\])[/\\]+$/, '$1');
  const at = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  if (at < 0 || at === trimmed.length - 1) return { folder: '', name: name || trimmed };
  return { folder: trimmed.slice(0, at + 1), name: name || trimmed.slice(at + 1) };
}

/**
 * A file or folder path whose last part (the name) is always shown whole: only the folder before it gives way, with
 * an ellipsis, when the row is narrow. Two files in the same long folder are never both cut to the same text. The
 * whole path is in the title too. `name` overrides the last part (an asset's file name; an upload has no path).
 */
export function PathName({ path, name, className }: { path: string; name?: string; className?: string }) {
  const parts = splitPath(path, name);
  return (
    <span className={`path-name${className ? ` ${className}` : ''}`} title={path || parts.name}>
      {parts.folder ? <span className="path-folder">{parts.folder}</span> : null}
      <span className="path-leaf">{parts.name}</span>
    </span>
  );
}
