import { useStores } from '../app/stores-context';

/** Copies a value (a path, a hash) to the clipboard and says so. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const { notifications } = useStores();
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      notifications.getState().push('success', `${label} copied.`);
    } catch {
      notifications.getState().push('error', `Could not copy ${label.toLowerCase()}: the clipboard is not available here. Select the text and copy it instead.`);
    }
  }
  return <button type="button" className="btn btn-small" onClick={() => void copy()} aria-label={`Copy ${label.toLowerCase()}`}>Copy</button>;
}
