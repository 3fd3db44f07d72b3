import { useMemo, useState } from 'react';
import { useApp, useStores } from '../app/stores-context';
import { Dialog } from '../ui/Dialog';
import { plural } from '../ui/format';
import { effectiveTool } from './draft-labels';
import type { Draft } from './types';

/**
 * A dismissed file is neither logged nor disclosed; when the file itself says AI made it, that is said before the
 * artist decides (the dismissed draft keeps it as a mismatch).
 */
function SaysAiWarning({ count, total }: { count: number; total: number }) {
  if (count === 0) return null;
  const which = total === 1 ? 'The file says AI made it' : count === 1 ? '1 of them says AI made it' : `${count} of them say AI made them`;
  return (
    <div className="notice notice-warn" role="note">
      {which} (see Provenance). Dismissed, {total === 1 ? 'it is' : 'they are'} neither logged nor disclosed to Netflix:
      dismiss only what is not generative-AI output the log needs.
    </div>
  );
}

/** The file version is kept as dismissed and not offered again; the Dismissed filter can return it to the inbox. */
export function DismissDraftDialog({ id, onClose }: { id: number; onClose(): void }) {
  const { drafts } = useStores();
  const draft = useApp('drafts', (s) => s.items.find((d) => d.id === id));
  const busy = useApp('drafts', (s) => s.busy);
  async function dismiss() {
    await drafts.getState().dismiss(id);
    onClose();
  }
  return (
    <Dialog title={`Dismiss ${draft?.fileName ?? `#${id}`}?`} confirmLabel="Dismiss" danger busy={busy} onConfirm={() => void dismiss()} onCancel={onClose}>
      <p className="dialog-text">
        It will not be logged. The inbox keeps it as dismissed and does not offer this version of the file again; to change
        your mind, select it under the Dismissed filter and return it to the inbox. A changed version of the file comes
        back as a new draft.
      </p>
      <SaysAiWarning count={draft?.provenance?.summary.aiGenerated ? 1 : 0} total={1} />
    </Dialog>
  );
}

/** "120 of 500" while a batch runs: confirming hundreds of drafts takes seconds. */
function progressText(p: { done: number; total: number } | null): string {
  return p ? `${p.done} of ${p.total}` : '';
}

function whatIsLogged(edited: number, total: number): string {
  const defaults = "its watch folder's production, tool, artist and class, and the prompt its file states";
  if (edited === 0) return `Each is logged with ${defaults}. To change any of that, open a file and change it first (what you type is kept).`;
  if (edited === total) return 'Each is logged with what you typed into it.';
  return `${plural(edited, 'file')} you opened and changed ${edited === 1 ? 'is' : 'are'} logged with what you typed; each of the others with ${defaults}.`;
}

/** Logs the ticked drafts with what was typed into each, else their watch folders' defaults and what each file said. */
export function ConfirmPickedDialog({ onClose }: { onClose(): void }) {
  const { drafts } = useStores();
  const picked = useApp('drafts', (s) => s.picked);
  const items = useApp('drafts', (s) => s.items);
  const [busy, setBusy] = useState(false);
  const progress = useApp('drafts', (s) => s.batchProgress);
  const typed = useApp('drafts', (s) => s.unsavedEdits);
  // Counted once per change of what is ticked, not at every progress step of a batch of thousands.
  const { chosen, noTool, edited } = useMemo(() => {
    const ids = new Set(picked);
    const chosen = items.filter((d) => ids.has(d.id));
    // As confirmPicked decides it: a prediction of what it will do must not drift from it.
    const hasTool = (d: Draft) => Boolean(effectiveTool(d, typed[d.id]));
    // Of the files that will be logged: an edited one without a tool is not logged with what was typed, nor at all.
    return { chosen, noTool: chosen.filter((d) => !hasTool(d)).length, edited: chosen.filter((d) => typed[d.id] && hasTool(d)).length };
  }, [items, picked, typed]);
  async function confirm() {
    setBusy(true);
    await drafts.getState().confirmPicked();
    setBusy(false);
    onClose();
  }
  // Only the drafts with a known tool can be logged: the question and the button count those.
  const loggable = chosen.length - noTool;
  if (loggable === 0) {
    return (
      <Dialog title="Nothing to log" confirmLabel="Close" hideCancel onConfirm={onClose} onCancel={onClose}>
        <p className="dialog-text">
          {noTool === 1 ? 'The selected file names no tool' : `None of the ${noTool} selected files name a tool`} in the tool list, and
          {noTool === 1 ? ' its folder sets' : ' their folders set'} none. Open {noTool === 1 ? 'it' : 'each'}, choose its AI tool, then confirm it.
        </p>
      </Dialog>
    );
  }
  return (
    <Dialog title={`Log ${plural(loggable, 'file')}?`} confirmLabel={busy ? `Logging… ${progressText(progress)}` : `Log ${plural(loggable, 'file')}`} busy={busy}
      cancelWhileBusy cancelLabel={busy ? 'Stop' : undefined} onConfirm={() => void confirm()} onCancel={busy ? () => drafts.getState().stopBatch() : onClose}>
      <p className="dialog-text">{whatIsLogged(edited, loggable)}</p>
      {noTool ? (
        <div className="notice notice-warn" role="note">
          {noTool === 1 ? '1 file names no tool and its folder sets none: it will not be logged and stays selected.'
            : `${plural(noTool, 'file')} name no tool and their folders set none: they will not be logged and stay selected.`}
        </div>
      ) : null}
    </Dialog>
  );
}

/** Dismisses every ticked draft after one question naming how many; each can be returned from the Dismissed filter. */
export function DismissPickedDialog({ onClose }: { onClose(): void }) {
  const { drafts } = useStores();
  const picked = useApp('drafts', (s) => s.picked);
  const busy = useApp('drafts', (s) => s.busy);
  const progress = useApp('drafts', (s) => s.batchProgress);
  const [count] = useState(picked.length);
  const items = useApp('drafts', (s) => s.items);
  const [saysAi] = useState(() => {
    const ids = new Set(picked);
    return items.filter((d) => ids.has(d.id) && d.provenance?.summary.aiGenerated).length;
  });
  async function dismiss() {
    await drafts.getState().dismissPicked();
    onClose();
  }
  return (
    <Dialog title={`Dismiss ${plural(count, 'file')}?`} confirmLabel={busy ? `Dismissing… ${progressText(progress)}` : `Dismiss ${plural(count, 'file')}`} danger busy={busy}
      cancelWhileBusy cancelLabel={busy ? 'Stop' : undefined} onConfirm={() => void dismiss()} onCancel={busy ? () => drafts.getState().stopBatch() : onClose}>
      <p className="dialog-text">
        None of them will be logged. The inbox keeps them as dismissed and does not offer these versions of the files
        again; each can be returned to the inbox from the Dismissed filter. A changed version of a file comes back as a
        new draft.
      </p>
      <SaysAiWarning count={saysAi} total={count} />
    </Dialog>
  );
}
