import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useStores } from '../app/stores-context';
import type { ValueOf } from '../api-types';
import { Dialog } from '../ui/Dialog';
import { BusyButton } from '../ui/BusyButton';
import { Field } from '../ui/Field';
import { AutoBackupList } from './AutoBackupList';

/**
 * Puts a backup in place of the log, after a confirmation that says what happens to the log as it is (kept beside
 * it, so the restore can be undone by restoring that). What was done stays said here, with the kept file's path.
 */
export function RestoreForm({ disabled }: { disabled: boolean }) {
  const { settings } = useStores();
  const [from, setFrom] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<ValueOf<'restoreDatabase'> | null>(null);
  const [autoBackups, setAutoBackups] = useState<ValueOf<'listAutoBackups'> | null>(null);
  const box = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live = true;
    void settings.getState().autoBackups().then((res) => { if (live && res.ok) setAutoBackups(res.value); });
    return () => { live = false; };
  }, [settings, done]);

  function choose(path: string) {
    setFrom(path);
    setError(null);
    box.current?.focus();
  }

  function ask(e: FormEvent) {
    e.preventDefault();
    if (disabled || busy) return;
    if (!from.trim()) {
      setError('Give the backup file to restore.');
      return;
    }
    setError(null);
    setAsking(true);
  }

  async function restore() {
    setBusy(true);
    const res = await settings.getState().restore(from.trim());
    setBusy(false);
    setAsking(false);
    setError(res.ok ? null : res.error.message);
    setDone(res.ok ? res.value : null);
    if (res.ok) setFrom('');
  }

  return (
    <>
      <form onSubmit={ask} noValidate aria-label="Restore the log from a backup">
        <Field label="Restore from" error={error} hint="A backup file (genlog db backup or Back up above). It is checked first; the log as it is now is kept beside it."
          after={<BusyButton type="submit" className="btn" busy={disabled || busy}>Restore…</BusyButton>}>
          <input ref={box} className="input mono" value={from} placeholder="/path/to/genlog-backup.db" onChange={(e) => setFrom(e.target.value)} />
        </Field>
      </form>
      <AutoBackupList list={autoBackups} onChoose={choose} />
      {done ? (
        <p className="small" role="status">
          Restored {done.assets} asset{done.assets === 1 ? '' : 's'} from <span className="mono">{done.from}</span>.
          {done.keptAs ? <> The log as it was is kept at <span className="mono">{done.keptAs}</span>; restore that file to undo.</> : null}
        </p>
      ) : null}
      {asking ? (
        <Dialog title="Restore the log from a backup" confirmLabel={busy ? 'Restoring…' : 'Restore'} danger busy={busy}
          onConfirm={() => void restore()} onCancel={() => setAsking(false)}>
          <p>
            Everything in the log will be what <span className="mono">{from.trim()}</span> holds: assets, approvals, packets
            and the inbox logged after that backup are no longer in it.
          </p>
          <p>The log as it is now is kept beside it first, as a checked copy; restoring that copy undoes this.</p>
          <p>Watch folders follow the restored log: a render drafted after the backup is drafted again at the next scan.</p>
        </Dialog>
      ) : null}
    </>
  );
}
