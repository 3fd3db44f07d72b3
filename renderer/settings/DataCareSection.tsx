import { useState, type FormEvent } from 'react';
import { useStores } from '../app/stores-context';
import type { ValueOf } from '../api-types';
import { BusyButton } from '../ui/BusyButton';
import { Field } from '../ui/Field';
import { RestoreForm } from './RestoreForm';

/** "…/GenLog/genlog-backup-2026-12-08.db": beside the log, in a folder that exists, named for the day where the user is. */
export function suggestedBackup(dataDir: string, today: Date): string {
  const sep = dataDir.includes('\\') && !dataDir.includes('/') ? '\\' : '/';
  const day = [today.getFullYear(), today.getMonth() + 1, today.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
  return `${dataDir.replace(/[\\/]+$/, '')}${sep}genlog-backup-${day}.db`;
}

/** Check the log, copy it to a backup file and restore one, with what each found said in place (failures also reach the notices). */
export function DataCareSection({ dataDir }: { dataDir: string }) {
  const { settings } = useStores();
  const [out, setOut] = useState(() => suggestedBackup(dataDir, new Date()));
  const [busy, setBusy] = useState<'check' | 'backup' | null>(null);
  const [check, setCheck] = useState<ValueOf<'checkDatabase'> | null>(null);
  const [backupError, setBackupError] = useState<string | null>(null);
  const [damagedCopy, setDamagedCopy] = useState<ValueOf<'backUpDatabase'> | null>(null);

  async function runCheck() {
    if (busy) return;
    setBusy('check');
    const res = await settings.getState().checkLog();
    setBusy(null);
    setCheck(res.ok ? res.value : null);
  }

  async function backUp(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!out.trim()) {
      setBackupError('Give the file to write the backup to.');
      return;
    }
    setBusy('backup');
    setDamagedCopy(null);
    const res = await settings.getState().backUp(out.trim());
    setBusy(null);
    // Done is said in the notices, as every other action is; a refusal, or a copy that holds the log's problems,
    // stays here, under the path it is about.
    setBackupError(res.ok ? null : res.error.message);
    setDamagedCopy(res.ok && res.value.problems.length > 0 ? res.value : null);
  }

  return (
    <div className="data-care">
      <div className="link-row">
        {/* Busy, not disabled: a disabled button drops the keyboard to the page for as long as the check runs. */}
        <BusyButton className="btn" onClick={() => void runCheck()} busy={busy !== null}>{busy === 'check' ? 'Checking…' : 'Check the log'}</BusyButton>
      </div>
      {check?.ok ? <p className="small" role="status">The log checks out: {check.assets} asset{check.assets === 1 ? '' : 's'}; every page, the foreign keys and the search index.</p> : null}
      {check && !check.ok ? (
        <div role="alert" className="form-error">
          <p>The log has {check.problems.length} problem{check.problems.length === 1 ? '' : 's'}. Keep its file as it is and restore the latest backup:</p>
          <ul>{check.problems.map((p) => <li key={p}>{p}</li>)}</ul>
        </div>
      ) : null}
      <form onSubmit={(e) => void backUp(e)} noValidate aria-label="Back up the log">
        <Field label="Back up to" error={backupError} hint="A new file: a backup never replaces one. Other GenLogs may keep logging meanwhile."
          after={<BusyButton type="submit" className="btn" busy={busy !== null}>{busy === 'backup' ? 'Backing up…' : 'Back up'}</BusyButton>}>
          <input className="input mono" value={out} onChange={(e) => setOut(e.target.value)} />
        </Field>
      </form>
      {damagedCopy ? (
        <div role="alert" aria-label="The backup holds problems" className="form-error">
          <p>
            The backup at <span className="mono">{damagedCopy.path}</span> reads back whole, but it holds the log&apos;s{' '}
            {damagedCopy.problems.length} problem{damagedCopy.problems.length === 1 ? '' : 's'} as they are. Keep it beside
            the log&apos;s file and an earlier backup:
          </p>
          <ul>{damagedCopy.problems.map((p) => <li key={p}>{p}</li>)}</ul>
        </div>
      ) : null}
      <RestoreForm disabled={busy !== null} />
    </div>
  );
}
