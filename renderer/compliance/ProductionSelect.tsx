import { useApp } from '../app/stores-context';

/** The production a compliance screen shows; `any` offers "All productions" (''). */
export function ProductionSelect({ value, onChange, any, label = 'Production' }: { value: string; onChange(code: string): void; any?: boolean; label?: string }) {
  const productions = useApp('catalog', (s) => s.productions);
  return (
    <select className="input production-select" aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      {any ? <option value="">All productions</option> : null}
      {!any && !value ? <option value="">Choose…</option> : null}
      {productions.map((p) => <option key={p.id} value={p.code}>{p.code} — {p.title}</option>)}
    </select>
  );
}
