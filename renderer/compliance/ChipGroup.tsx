import { useRef, useState, type KeyboardEvent } from 'react';

export interface ChipOption {
  value: string;
  label: string;
  /** The full wording, shown as a tooltip when the chip shows a short form. */
  title?: string;
}

export interface ChipGroupProps {
  label: string;
  /** one: a radio group; many: independent toggles. */
  mode: 'one' | 'many';
  options: ChipOption[];
  selected: readonly string[];
  onToggle(value: string): void;
  describedBy?: string;
  disabled?: boolean;
  /** Options that cannot be switched off (the last tool of a chain). */
  locked?: (value: string) => boolean;
}

/**
 * Answers as chips with one Tab stop per group: arrows (and Home/End) move between chips, Space or Enter
 * chooses. Choosing is never done by the arrows themselves, so moving through the answers records nothing.
 */
export function ChipGroup({ label, mode, options, selected, onToggle, describedBy, disabled, locked }: ChipGroupProps) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const firstSelected = Math.max(0, options.findIndex((o) => selected.includes(o.value)));
  const [cursor, setCursor] = useState<number | null>(null);
  const stop = cursor !== null && cursor < options.length ? cursor : firstSelected;

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const moves: Record<string, number> = {
      ArrowRight: stop + 1, ArrowDown: stop + 1, ArrowLeft: stop - 1, ArrowUp: stop - 1, Home: 0, End: options.length - 1,
    };
    const to = moves[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = (to + options.length) % options.length;
    setCursor(next);
    refs.current[next]?.focus();
  }

  return (
    <div className="chip-group" role={mode === 'one' ? 'radiogroup' : 'group'} aria-label={label} aria-describedby={describedBy}
      onKeyDown={onKeyDown}>
      {options.map((o, i) => {
        const on = selected.includes(o.value);
        const fixed = on && Boolean(locked?.(o.value));
        return (
          <button
            key={o.value}
            ref={(el) => { refs.current[i] = el; }}
            type="button"
            role={mode === 'one' ? 'radio' : 'checkbox'}
            aria-checked={on}
            aria-disabled={fixed || undefined}
            tabIndex={i === stop ? 0 : -1}
            className={`chip${on ? ' is-on' : ''}`}
            title={o.title && o.title !== o.label ? o.title : undefined}
            disabled={disabled}
            onFocus={() => setCursor(i)}
            onClick={() => {
              if (fixed || (mode === 'one' && on)) return;
              onToggle(o.value);
            }}
          >
            {mode === 'many' ? <span className="chip-tick" aria-hidden="true">{on ? '✓' : '+'}</span> : null}
            {o.label}
          </button>
        );
      })}
    </div>
  );
}
