import { useId, useState, type KeyboardEvent } from 'react';

export interface NamesInputProps {
  label: string;
  names: readonly string[];
  onChange(names: string[]): void;
  describedBy?: string;
  /** Names offered while typing (talent with a consent on file). */
  suggestions?: readonly string[];
  disabled?: boolean;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** A list of names as removable chips; Enter or a comma adds what was typed, Backspace in an empty box removes the last. */
export function NamesInput({ label, names, onChange, describedBy, suggestions = [], disabled }: NamesInputProps) {
  const [text, setText] = useState('');
  const listId = useId();

  function add(): boolean {
    const name = text.trim().replace(/,+$/, '').trim();
    if (!name) return false;
    setText('');
    if (!names.some((n) => same(n, name))) onChange([...names, name]);
    return true;
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'Enter' || e.key === ',') {
      // Enter would otherwise submit a surrounding form (the log dialog).
      e.preventDefault();
      add();
    } else if (e.key === 'Backspace' && text === '' && names.length > 0) {
      e.preventDefault();
      onChange(names.slice(0, -1));
    }
  }

  const offered = suggestions.filter((s) => !names.some((n) => same(n, s)));
  return (
    <div className="names-input" role="group" aria-label={label} aria-describedby={describedBy}>
      {names.map((n) => (
        <span key={n} className="name-chip">
          {n}
          <button type="button" className="name-chip-remove" aria-label={`Remove ${n}`} disabled={disabled}
            onClick={() => onChange(names.filter((x) => x !== n))}>×</button>
        </span>
      ))}
      <input
        className="names-input-box"
        value={text}
        aria-label={`Add to ${label.toLowerCase()}`}
        placeholder={names.length ? 'Add another…' : 'Type a name, Enter to add'}
        list={offered.length ? listId : undefined}
        disabled={disabled}
        maxLength={200}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => add()}
      />
      {offered.length ? <datalist id={listId}>{offered.map((s) => <option key={s} value={s} />)}</datalist> : null}
    </div>
  );
}
