import { useState } from 'react';
import { useStores } from '../app/stores-context';
import { fieldErrors } from '../stores/call';
import { Dialog } from '../ui/Dialog';
import { Field } from '../ui/Field';
import type { Packet } from './types';

/** Next to the packet ZIP in the data folder, which exists: "…/packets/SHOW1-packet-3.eml". */
export function suggestedEmlPath(packet: Pick<Packet, 'path' | 'production' | 'id'>): string {
  const sep = packet.path.includes('\\') && !packet.path.includes('/') ? '\\' : '/';
  const dir = packet.path.slice(0, packet.path.lastIndexOf(sep));
  return `${dir}${sep}${packet.production.replace(/[^A-Za-z0-9_-]+/g, '_')}-packet-${packet.id}.eml`;
}

/**
 * Without a mail server: GenLog writes the ready-to-send message (packet and summary.pdf attached) for a mail
 * program, and records who exported it. The state does not change; the person confirms once it is sent.
 */
export function ExportEmlDialog({ packet, onClose }: { packet: Packet; onClose(): void }) {
  const { packets } = useStores();
  const [out, setOut] = useState(() => suggestedEmlPath(packet));
  const [error, setError] = useState<string | null>(null);
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    if (!out.trim()) {
      setError('Give the file to write, ending in .eml.');
      return;
    }
    setBusy(true);
    const res = await packets.getState().exportEml(packet.id, out.trim());
    setBusy(false);
    if (res.ok) return onClose();
    const f = fieldErrors(res.error, ['out']);
    // "Cannot write /x/y.eml: ..." is about the path; anything else (no sender set) about the packet or settings.
    const aboutPath = f.general?.startsWith('Cannot write') ? f.general : null;
    setError(f.fields.out ?? aboutPath);
    setGeneral(aboutPath ? null : f.general);
  }

  return (
    <Dialog title={`Export packet ${packet.id} as .eml`} confirmLabel={busy ? 'Writing…' : 'Write .eml'} onConfirm={() => void save()}
      onCancel={onClose} busy={busy} className="dialog-wide">
      <p className="dialog-text">
        Writes the message ready to send (addressed to the Netflix contact, the packet and summary.pdf attached) for
        any mail program. Open it, send it, then come back and confirm it was sent.
      </p>
      {general ? <div className="form-error" role="alert">{general}</div> : null}
      <Field label="Save as" error={error} hint="A file on this computer; the folder must exist.">
        <input className="input mono" value={out} onChange={(e) => setOut(e.target.value)} spellCheck={false} data-autofocus />
      </Field>
    </Dialog>
  );
}
