import type { SelectHTMLAttributes } from 'react';
import { useApp } from '../app/stores-context';
import { usePlannedUsesOf } from '../compliance/usePlannedUses';

/** Other props (the id and aria attributes a Field adds) reach the select, so its label and errors stay attached. */
type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> & {
  value: string;
  onChange(value: string): void;
};

/**
 * Productions by code; "Choose…" stands in while none is chosen. A value the list does not hold (added elsewhere
 * since it was loaded) is still offered: a select without its value's option shows, and seems to choose, the first.
 */
export function ProductionPicker({ value, onChange, ...rest }: SelectProps) {
  const productions = useApp('catalog', (s) => s.productions);
  return (
    <select {...rest} className="input" value={value} onChange={(e) => onChange(e.target.value)}>
      {!value ? <option value="">Choose…</option> : null}
      {productions.map((p) => <option key={p.id} value={p.code}>{p.code} — {p.title}</option>)}
      {value && !productions.some((p) => p.code === value) ? <option value={value}>{value}</option> : null}
    </select>
  );
}

/**
 * Tools by name. `emptyLabel` names what '' means (e.g. "From the file"); without it '' is only offered, as
 * "Choose…", while no tool is chosen.
 */
export function ToolPicker({ value, onChange, emptyLabel, ...rest }: SelectProps & { emptyLabel?: string }) {
  const tools = useApp('catalog', (s) => s.tools);
  return (
    <select {...rest} className="input" value={value} onChange={(e) => onChange(e.target.value)}>
      {emptyLabel ? <option value="">{emptyLabel}</option> : !value ? <option value="">Choose…</option> : null}
      {tools.map((t) => <option key={t.id} value={t.name}>{t.name}</option>)}
      {value && !tools.some((t) => t.name === value) ? <option value={value}>{value}</option> : null}
    </select>
  );
}

/** The episodes and reels `production` lists; a text box when it lists none (any episode is accepted then). */
export function EpisodePicker({ production, value, onChange, ...rest }: SelectProps & { production: string }) {
  const episodes = useApp('catalog', (s) => s.productions.find((p) => p.code === production)?.episodes ?? NO_EPISODES);
  if (episodes.length === 0) {
    const { id, 'aria-invalid': invalid, 'aria-describedby': describedBy } = rest;
    return <input className="input" id={id} aria-invalid={invalid} aria-describedby={describedBy} value={value} placeholder="optional"
      onChange={(e) => onChange(e.target.value)} />;
  }
  return (
    <select {...rest} className="input" value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">None</option>
      {episodes.map((ep) => <option key={ep} value={ep}>{ep}</option>)}
    </select>
  );
}

const NO_EPISODES: string[] = [];

/** The planned uses of `production` (value: the id as text), or none. */
export function PlannedUsePicker({ production, value, onChange, ...rest }: SelectProps & { production: string }) {
  const uses = usePlannedUsesOf(production);
  return (
    <select {...rest} className="input" value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">None</option>
      {uses.map((u) => <option key={u.id} value={u.id}>#{u.id} {u.title}</option>)}
    </select>
  );
}
