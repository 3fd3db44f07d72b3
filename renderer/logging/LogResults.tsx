import { useApp, useStores } from '../app/stores-context';
import { Dialog } from '../ui/Dialog';
import { ClassificationBadge } from '../ui/ClassificationBadge';
import { plural } from '../ui/format';
import { MissingFrames } from '../ingest/MissingFrames';
import { PathName } from '../ingest/PathName';
import { ScrollList } from '../ui/ScrollList';
import { frameSpan } from '../../main/format/frame-counts';

/** What logging did: new assets, and files that were already in the log (same content, same production). */
export function LogResults() {
  const { ingest, log, ui } = useStores();
  const result = useApp('ingest', (s) => s.result) ?? [];
  const gaps = useApp('ingest', (s) => s.gaps);
  const dupes = result.filter((a) => a.duplicate).length;
  const close = () => ingest.getState().close();
  const show = (id: number) => {
    close();
    ui.getState().navigate('log');
    log.getState().selectId(id);
    ui.getState().focusDetail();
  };
  return (
    <Dialog title={result.length > dupes || !dupes ? `Logged ${plural(result.length - dupes, 'new asset')}` : 'Nothing new logged'} confirmLabel="Done" onConfirm={close} onCancel={close} hideCancel
      className="dialog-wide">
      {dupes ? <p className="dialog-text">{plural(dupes, 'file was', 'files were')} already in the log for this production; the existing asset is shown instead of a second row.</p> : null}
      <ScrollList label="Logged files">
        {result.map((a, i) => (
          // Two dropped files with the same content both show the one asset: the id alone is not a key.
          <li key={`${a.id}:${i}`} className={`result-item${a.duplicate ? ' is-duplicate' : ''}`}>
            <span className="detail-id">#{a.id}</span>
            <PathName path={a.path} name={a.fileName} />
            {a.frameRange ? <span className="frame-range">frames {frameSpan(a.frameRange, a.fileName)}</span> : null}
            <ClassificationBadge value={a.classification} retired={a.retired} />
            <span className={a.duplicate ? 'tag tag-warn' : 'tag tag-ok'}>{a.duplicate ? 'already logged' : 'new'}</span>
            <button type="button" className="btn btn-small" onClick={() => show(a.id)}>Show</button>
          </li>
        ))}
      </ScrollList>
      <MissingFrames gaps={gaps} />
    </Dialog>
  );
}
