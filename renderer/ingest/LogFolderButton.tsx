import { useApp, useStores } from '../app/stores-context';
import { ModalGuard } from '../compliance/ModalGuard';
import { LogFolderDialog } from './LogFolderDialog';
import '../styles/ingest.css';

/** "Log a folder…" and its dialog; any screen's toolbar can hold it (one screen shows at a time). */
export function LogFolderButton({ primary }: { primary?: boolean }) {
  const { folderIngest } = useStores();
  const phase = useApp('folderIngest', (s) => s.phase);
  return (
    <>
      <button type="button" className={`btn${primary ? ' btn-primary' : ''}`} onClick={() => folderIngest.getState().open()}>
        {phase === 'running' ? 'Logging a folder…' : 'Log a folder…'}
      </button>
      {phase !== 'closed' ? <ModalGuard><LogFolderDialog /></ModalGuard> : null}
    </>
  );
}
