import { useCallback, useEffect, useRef } from 'react';
import { useApp, useStores } from '../app/stores-context';
import { useFileDrop, type DroppedFiles } from './useFileDrop';

/**
 * Where files come in: a drop anywhere on the window (with an overlay while dragging) or the file picker
 * (the hidden input, opened by the Log files button, Ctrl/Cmd+O or the menu).
 */
export function FileIntake() {
  const { ingest, notifications } = useStores();
  const filePick = useApp('ui', (s) => s.filePick);
  const inputRef = useRef<HTMLInputElement>(null);

  const onDrop = useCallback((d: DroppedFiles) => {
    if (d.skippedFolders.length) {
      notifications.getState().push('info', `Folders are not logged from a drop (${d.skippedFolders.join(', ')}); drop the files inside instead.`);
    }
    ingest.getState().addFiles(d.files);
  }, [ingest, notifications]);
  const dragging = useFileDrop(onDrop);

  useEffect(() => {
    if (filePick > 0) inputRef.current?.click();
  }, [filePick]);

  return (
    <>
      <input
        ref={inputRef}
        type="file"
        multiple
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Choose files to log"
        data-testid="file-input"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          ingest.getState().addFiles(files);
        }}
      />
      {dragging ? (
        <div className="drop-overlay" aria-hidden="true">
          <div className="drop-overlay-box">
            <div className="drop-overlay-title">Drop to log</div>
            <div className="muted">Each file is hashed (SHA-256) and logged as temporary unless you choose otherwise.</div>
          </div>
        </div>
      ) : null}
    </>
  );
}
