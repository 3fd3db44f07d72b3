import { useEffect, useState } from 'react';
import { useApp, useStores } from '../app/stores-context';
import { BuildPacketDialog } from './BuildPacketDialog';
import { PacketDetailPane } from './PacketDetailPane';
import { COLUMNS, PacketTable } from './PacketTable';
import type { BuildInput } from './types';

const COLUMN_LIST = [COLUMNS.production, COLUMNS.scope, COLUMNS.state, COLUMNS.assets, COLUMNS.outcomes, COLUMNS.built, COLUMNS.approved];

/** Disclosure packets: build a draft, read its preview, approve it; every packet with its state. */
export function PacketsPage() {
  const { packets: store } = useStores();
  const packets = useApp('packets', (s) => s.packets);
  const loaded = useApp('packets', (s) => s.loaded);
  const selectedId = useApp('packets', (s) => s.selectedId);
  const [production, setProduction] = useState('');
  const [building, setBuilding] = useState<BuildInput | 'new' | null>(null);

  useEffect(() => {
    void store.getState().load();
    // The pane may show a packet opened from the outbox: show this screen's own selection.
    void store.getState().show(store.getState().selectedId);
  }, [store]);

  const productions = [...new Set(packets.map((p) => p.production))].sort();
  const shown = production ? packets.filter((p) => p.production === production) : packets;

  return (
    <section className="screen packets-page" aria-labelledby="packets-title">
      <header className="toolbar">
        <h1 id="packets-title" className="screen-title">Disclosure packets</h1>
        <button type="button" className="btn btn-primary" onClick={() => setBuilding('new')}>Build packet…</button>
        <label className="inline-label">
          Production
          <select className="input" value={production} onChange={(e) => setProduction(e.target.value)}>
            <option value="">All</option>
            {productions.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </label>
        <span className="spacer" />
        <span className="muted">{shown.length} packet{shown.length === 1 ? '' : 's'}</span>
      </header>
      <div className="packets-body">
        <div className="catalog-list">
          <PacketTable label="Packets" packets={shown} columns={COLUMN_LIST} selectedId={selectedId} onSelect={(id) => store.getState().select(id)} />
          {loaded && packets.length === 0 ? (
            <div className="empty-state">
              No packets yet. Build one for a production: it collects the assets with their findings, approvals and
              consents into one signed file for the Netflix contact.
            </div>
          ) : null}
        </div>
        <PacketDetailPane onBuildNext={(scope) => setBuilding(scope)} />
      </div>
      {building ? (
        <BuildPacketDialog initial={building === 'new' ? undefined : building} onClose={() => setBuilding(null)} />
      ) : null}
    </section>
  );
}
