import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useApp, useStores } from '../app/stores-context';
import { useFocusRequest } from '../app/useFocusRequest';
import { EMPTY_FILTERS, type LogFilters } from '../stores/log-store';
import { MEDIA_LABELS } from '../ui/format';
import { modKeyLabel } from '../app/shortcuts';
import { OUTCOME_LABELS } from '../compliance/labels';

const SEARCH_DEBOUNCE_MS = 250;

/** Every filter of the log in one dense row; search is full-text (prompt, notes, file name, tool, artist). */
export function FilterBar() {
  const { log, ui } = useStores();
  const filters = useApp('log', (s) => s.filters);
  const productions = useApp('catalog', (s) => s.productions);
  const tools = useApp('catalog', (s) => s.tools);
  const artists = useApp('catalog', (s) => s.artists);
  const [search, setSearch] = useState(filters.search);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => setSearch(filters.search), [filters.search]);

  useEffect(() => {
    if (search === log.getState().filters.search) return;
    const t = setTimeout(() => log.getState().setFilters({ search }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [search, log]);

  useFocusRequest('search', () => {
    searchRef.current?.focus();
    searchRef.current?.select();
    return true;
  });

  const set = (patch: Partial<LogFilters>) => log.getState().setFilters(patch);
  const active = JSON.stringify({ ...filters, search }) !== JSON.stringify(EMPTY_FILTERS);

  function onSearchKey(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'Enter') {
      e.preventDefault();
      set({ search });
    } else if (e.key === 'Escape') {
      e.preventDefault();
      if (search) {
        setSearch('');
        set({ search: '' });
      } else ui.getState().focusTable();
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      ui.getState().focusTable();
    }
  }

  return (
    <div className="filter-bar" role="search" aria-label="Filter the log">
      <input
        ref={searchRef}
        type="search"
        className="input search-input"
        // The box is narrow beside the filters: the placeholder fits it, the tooltip says what is searched.
        placeholder={`Search (${modKeyLabel()}+F)`}
        title={`Searches prompt, notes, file name, tool and artist (${modKeyLabel()}+F or /)`}
        aria-label="Search the log"
        value={search}
        maxLength={500}
        onChange={(e) => setSearch(e.target.value)}
        onKeyDown={onSearchKey}
        spellCheck={false}
      />
      <select className="input" aria-label="Production" value={filters.production} onChange={(e) => set({ production: e.target.value })}>
        <option value="">All productions</option>
        {productions.map((p) => <option key={p.id} value={p.code}>{p.code}</option>)}
      </select>
      <select className="input" aria-label="Classification" value={filters.classification}
        onChange={(e) => set({ classification: e.target.value as LogFilters['classification'] })}>
        <option value="">Any class</option>
        <option value="temporary">Temporary</option>
        <option value="deliverable">Deliverable</option>
      </select>
      <select className="input" aria-label="Outcome" value={filters.outcome}
        onChange={(e) => set({ outcome: e.target.value as LogFilters['outcome'] })}>
        <option value="">Any outcome</option>
        {Object.entries(OUTCOME_LABELS).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
      </select>
      <select className="input" aria-label="Media type" value={filters.mediaType}
        onChange={(e) => set({ mediaType: e.target.value as LogFilters['mediaType'] })}>
        <option value="">Any media</option>
        {Object.entries(MEDIA_LABELS).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
      </select>
      <select className="input" aria-label="Tool" value={filters.tool} onChange={(e) => set({ tool: e.target.value })}>
        <option value="">Any tool</option>
        {tools.map((t) => <option key={t.id} value={t.name}>{t.name}</option>)}
      </select>
      <select className="input" aria-label="Artist" value={filters.artist} onChange={(e) => set({ artist: e.target.value })}>
        <option value="">Any artist</option>
        {artists.map((a) => <option key={a} value={a}>{a}</option>)}
      </select>
      <label className="inline-label">
        From
        <input type="date" className="input input-date" aria-label="Created from" value={filters.from} max={filters.to || undefined}
          onChange={(e) => set({ from: e.target.value })} />
      </label>
      <label className="inline-label">
        To
        <input type="date" className="input input-date" aria-label="Created to" value={filters.to} min={filters.from || undefined}
          onChange={(e) => set({ to: e.target.value })} />
      </label>
      <label className="inline-label checkbox-label">
        <input type="checkbox" checked={filters.showRetired} onChange={(e) => set({ showRetired: e.target.checked })} />
        Show retired
      </label>
      <button type="button" className="btn btn-small" disabled={!active}
        onClick={() => { setSearch(''); log.getState().clearFilters(); }}>
        Clear
      </button>
    </div>
  );
}
