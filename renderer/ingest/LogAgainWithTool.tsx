import { useId, useState } from 'react';
import { useStores } from '../app/stores-context';
import { ToolPicker } from '../catalog/CatalogSelects';
import { formatCount } from '../ui/format';

/**
 * Files that named no listed tool were not logged: choosing their tool here logs the same folder again with it,
 * rather than leaving the artist to fill in the whole form again. What the first run logged is found again as
 * already in the log (not read again), so only these files are logged now.
 */
export function LogAgainWithTool({ count }: { count: number }) {
  const { folderIngest } = useStores();
  const [tool, setTool] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const logAgain = () => {
    if (!tool) {
      setError('Choose the AI tool these files were made with.');
      return;
    }
    setError(null);
    void folderIngest.getState().logAgainWithTool(tool);
  };
  return (
    <div className="log-again" role="group" aria-label="Log the files that named no tool">
      <label htmlFor={id}>Tool for the {count === 1 ? 'one' : formatCount(count)} not logged</label>
      {/* Enter on the picker logs them, as the button beside it does: the dialog's Enter (Done) would drop the choice. */}
      <ToolPicker id={id} value={tool} onChange={(t) => { setTool(t); setError(null); }} aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onKeyDown={(e) => { if (e.key === 'Enter' && !e.nativeEvent.isComposing) { e.preventDefault(); logAgain(); } }} />
      <button type="button" className="btn btn-small" onClick={logAgain}>Log {count === 1 ? 'it' : 'them'} with this tool</button>
      {error ? <div id={`${id}-error`} className="form-error" role="alert">{error}</div> : null}
    </div>
  );
}
