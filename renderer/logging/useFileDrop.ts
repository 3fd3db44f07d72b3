import { useEffect, useState } from 'react';

function hasFiles(e: DragEvent): boolean {
  return Array.from(e.dataTransfer?.types ?? []).includes('Files');
}

/** Elements marked data-drop-zone take their own drops (an evidence file in a dialog): not a file to log. */
function overDropZone(e: DragEvent): boolean {
  return e.target instanceof Element && e.target.closest('[data-drop-zone]') !== null;
}

export interface DroppedFiles {
  files: File[];
  /** Names of dropped folders: logging whole folders comes with folder ingest, not here. */
  skippedFolders: string[];
}

/** Splits a drop into files and folders (a folder arrives as a File the browser cannot read). */
export function readDrop(dt: DataTransfer): DroppedFiles {
  const files: File[] = [];
  const skippedFolders: string[] = [];
  const items = Array.from(dt.items ?? []);
  if (items.length > 0) {
    for (const item of items) {
      if (item.kind !== 'file') continue;
      const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
      const file = item.getAsFile();
      if (entry?.isDirectory) skippedFolders.push(entry.name);
      else if (file) files.push(file);
    }
  } else {
    files.push(...Array.from(dt.files ?? []));
  }
  return { files, skippedFolders };
}

/** Accepts files dropped anywhere on the window; returns whether files are being dragged over it. */
export function useFileDrop(onDrop: (drop: DroppedFiles) => void): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e) || overDropZone(e)) return;
      e.preventDefault();
      depth++;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e) || overDropZone(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e) || overDropZone(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      // Always stop the browser from navigating to a dropped file, even when we ignore the drop.
      e.preventDefault();
      depth = 0;
      setDragging(false);
      if (e.dataTransfer && !overDropZone(e)) onDrop(readDrop(e.dataTransfer));
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [onDrop]);
  return dragging;
}
