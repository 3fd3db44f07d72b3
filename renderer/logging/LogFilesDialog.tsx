import { useEffect, useMemo, useRef, useState } from 'react';
import { useApp, useStores } from '../app/stores-context';
import type { Classification } from '../api-types';
import { fieldErrors } from '../stores/call';
import type { LogForm } from '../stores/ingest-store';
import { Dialog } from '../ui/Dialog';
import { Field } from '../ui/Field';
import { formatBytes, plural } from '../ui/format';
import { IngestProgressView } from './IngestProgressView';
import { LogResults } from './LogResults';
import { LogCompliance } from './LogCompliance';
import { FileFindings } from './FileFindings';
import { useStableList } from '../ui/use-stable-list';
import { ToolNotices } from './ToolNotices';
import { prefillFromFiles } from '../provenance/prefill';
import { fillEmpty, useLateDefaults } from '../app/use-late-defaults';

const FORM_FIELDS = ['production', 'episode', 'tool', 'prompt', 'notes', 'classification', 'by'] as const;

/** The log dialog: which files, then who/what/where, then progress and what happened (new or duplicate). */
export function LogFilesDialog() {
  const phase = useApp('ingest', (s) => s.phase);
  if (phase === 'closed') return null;
  return <LogFilesDialogOpen />;
}

function LogFilesDialogOpen() {
  const { ingest, ui, catalog } = useStores();
  const phase = useApp('ingest', (s) => s.phase);
  const items = useApp('ingest', (s) => s.items);
  const cancellable = useApp('ingest', (s) => s.cancellable);
  const remembered = useApp('ingest', (s) => s.remembered);
  const productions = useApp('catalog', (s) => s.productions);
  const tools = useApp('catalog', (s) => s.tools);
  const artistName = useApp('settings', (s) => s.settings?.artistName ?? '');

  const only = <T,>(list: T[]) => (list.length === 1 ? list[0] : undefined);
  const picks = () => ({
    production: remembered.production ?? only(productions)?.code ?? '',
    tool: remembered.tool ?? only(tools)?.name ?? '',
    by: remembered.by || artistName,
  });
  const [form, setForm] = useState<LogForm>(() => ({
    ...picks(),
    episode: remembered.episode ?? '',
    prompt: '',
    notes: '',
    // A remembered planned use brings back the class chosen with it; otherwise every batch starts temporary.
    classification: remembered.use !== undefined ? remembered.classification ?? 'temporary' : 'temporary',
    // The use belongs to the remembered production, which is the one preselected.
    use: remembered.use,
  }));
  useLateDefaults(() => setForm((f) => fillEmpty(f, picks())));
  // What the files say fills the prompt and tool until the artist changes them; nothing is typed when they say enough.
  const toolNames = useMemo(() => tools.map((t) => t.name), [tools]);
  const saying = useStableList(items, (a, b) => a.file === b.file && a.provenance === b.provenance && a.provenanceState === b.provenanceState);
  const prefill = useMemo(() => prefillFromFiles(saying.map((i) => ({ name: i.file.name, provenance: i.provenance, reading: i.provenanceState === 'reading' })), toolNames), [saying, toolNames]);
  const stillReading = items.filter((i) => i.provenanceState === 'reading').length;
  const [touched, setTouched] = useState<{ prompt?: boolean; tool?: boolean }>({});
  const toolRef = useRef<HTMLSelectElement>(null);
  const fieldsRef = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    setForm((f) => ({
      ...f,
      ...(touched.prompt ? {} : { prompt: prefill.prompt ?? '' }),
      ...(touched.tool || !prefill.tool ? {} : { tool: prefill.tool }),
    }));
  }, [prefill.prompt, prefill.tool, touched.prompt, touched.tool]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const production = productions.find((p) => p.code === form.production);
  const episodes = production?.episodes ?? [];
  const set = (patch: Partial<LogForm>) => setForm((f) => ({ ...f, ...patch }));

  if (phase === 'done') return <LogResults />;

  const working = phase === 'uploading' || phase === 'logging';
  const totalBytes = items.reduce((n, i) => n + i.file.size, 0);
  const fromFile = (field: 'prompt' | 'tool') => !touched[field] && Boolean(prefill[field]) && form[field] === prefill[field];

  async function submit() {
    const local: Record<string, string> = {};
    if (!form.production) local.production = 'Choose the production these files belong to.';
    if (!form.tool) local.tool = 'Choose the AI tool that generated them.';
    // A tool preselected from an earlier batch must not silently cover files that name another one (or none).
    else if (prefill.toolNeedsChoice && !touched.tool) local.tool = prefill.toolNeedsChoice;
    if (!form.by.trim()) local.by = 'Who made these? Your name is recorded in the history.';
    setErrors(local);
    setGeneral(null);
    if (Object.keys(local).length) return focusFirstInvalid();
    const res = await ingest.getState().submit(form, (read) => {
      if (touched.tool) return null;
      const reason = prefillFromFiles(read.map((i) => ({ name: i.file.name, provenance: i.provenance })), toolNames).toolNeedsChoice;
      return reason ? `tool: ${reason}` : null;
    });
    if (!res.ok) {
      const f = fieldErrors(res.error, FORM_FIELDS);
      setErrors(f.fields);
      setGeneral(f.general);
      focusFirstInvalid();
    }
  }

  /** After the messages render, the first field with one takes focus (keyboard users land where the fix is). */
  function focusFirstInvalid() {
    requestAnimationFrame(() => fieldsRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  /** Adds the tool a file names to the tool list and picks it, without leaving the dialog. */
  async function addToolNamed(name: string) {
    const res = await catalog.getState().saveTool({ name });
    if (!res.ok) return; // said by the store's error path
    setTouched((t) => ({ ...t, tool: true }));
    set({ tool: res.value.name });
    toolRef.current?.focus();
  }

  /** A typed episode survives choosing the production when that production lists it (or lists none). */
  function chooseProduction(code: string) {
    const listed = productions.find((p) => p.code === code)?.episodes ?? [];
    set({ production: code, episode: listed.length === 0 || listed.includes(form.episode) ? form.episode : '', use: undefined });
  }

  const goTo = (screen: string) => {
    ingest.getState().close();
    ui.getState().navigate(screen);
  };

  return (
    <Dialog
      title={`Log ${plural(items.length, 'file')}`}
      className="dialog-wide"
      confirmLabel={working ? 'Logging…' : `Log ${plural(items.length, 'file')}`}
      onConfirm={() => void submit()}
      onCancel={() => ingest.getState().cancel()}
      busy={working}
      cancelWhileBusy={cancellable}
    >
      <div className="file-list" aria-label="Files to log">
        <div className="file-list-head muted">
          {plural(items.length, 'file')} · {formatBytes(totalBytes)}{stillReading ? ` · ${items.length - stillReading} of ${items.length} read` : ''}
        </div>
        <FileFindings items={items} disabled={working} showPrompts={prefill.filesWithOwnPrompt > 0} />
      </div>
      {working ? <IngestProgressView /> : null}
      {general ? <div className="form-error" role="alert">{general}</div> : null}
      {productions.length === 0 || tools.length === 0 ? (
        <div className="notice" role="note">
          Logging needs at least one production and one AI tool.{' '}
          {productions.length === 0 ? <button type="button" className="btn btn-small" onClick={() => goTo('productions')}>Add a production</button> : null}{' '}
          {tools.length === 0 ? <button type="button" className="btn btn-small" onClick={() => goTo('tools')}>Add a tool</button> : null}
        </div>
      ) : null}
      <fieldset ref={fieldsRef} className="form-grid" disabled={working}>
        <Field label="Production" error={errors.production}>
          <select className="input" value={form.production} data-autofocus={!form.production || undefined}
            onChange={(e) => chooseProduction(e.target.value)}>
            <option value="">Choose…</option>
            {productions.map((p) => <option key={p.id} value={p.code}>{p.code} — {p.title}</option>)}
          </select>
        </Field>
        <Field label="Episode / reel" error={errors.episode}>
          {episodes.length > 0 ? (
            <select className="input" value={form.episode} onChange={(e) => set({ episode: e.target.value })}>
              <option value="">(none)</option>
              {episodes.map((ep) => <option key={ep} value={ep}>{ep}</option>)}
            </select>
          ) : (
            <input className="input" value={form.episode} placeholder="optional" onChange={(e) => set({ episode: e.target.value })} />
          )}
        </Field>
        <Field label="AI tool" error={errors.tool} hint={fromFile('tool') ? 'from the file' : undefined}>
          <select ref={toolRef} className="input" value={form.tool}
            onChange={(e) => { setTouched((t) => ({ ...t, tool: true })); set({ tool: e.target.value }); }}>
            <option value="">Choose…</option>
            {tools.map((t) => <option key={t.id} value={t.name}>{t.name}{t.version ? ` ${t.version}` : ''}</option>)}
          </select>
        </Field>
        <Field label="Artist" error={errors.by}>
          <input className="input" value={form.by} onChange={(e) => set({ by: e.target.value })} />
        </Field>
        <ToolNotices prefill={prefill} onPick={() => toolRef.current?.focus()} onAddTool={(name) => void addToolNamed(name)} />
        <Field label="Prompt" error={errors.prompt} className="span-2" hint={fromFile('prompt') ? 'from the file' : undefined}>
          <textarea className="input" rows={3} value={form.prompt} data-autofocus={form.production ? true : undefined}
            placeholder={prefill.filesWithOwnPrompt > 0
              ? `Left empty, each file keeps its own prompt (${prefill.filesWithOwnPrompt} of ${items.length} carry one). Typing here gives every file this prompt.`
              : 'The prompt or settings used (search finds it later)'}
            onChange={(e) => { setTouched((t) => ({ ...t, prompt: true })); set({ prompt: e.target.value }); }} />
        </Field>
        <Field label="Notes" error={errors.notes} className="span-2">
          <textarea className="input" rows={2} value={form.notes}
            placeholder={prefill.models.length ? `Left empty, the model the file names is noted (Model: ${prefill.models.join(', ')})` : undefined}
            onChange={(e) => set({ notes: e.target.value })} />
        </Field>
        <div className="field span-2" role="radiogroup" aria-label="Classification">
          <span className="field-label">Classification</span>
          <div className="radio-row">
            {(['temporary', 'deliverable'] as Classification[]).map((c) => (
              <label key={c} className="checkbox-label">
                <input type="radio" name="classification" value={c} checked={form.classification === c}
                  onChange={() => set({ classification: c })} />
                <span className={`badge badge-${c}`}>{c}</span>
                <span className="muted">{c === 'temporary' ? 'ideation, previs, temp (default)' : 'may appear in the final product'}</span>
              </label>
            ))}
          </div>
        </div>
        <LogCompliance production={form.production} use={form.use} facts={form.facts}
          onUse={(u) => set({ use: u?.id, classification: u?.classification ?? form.classification })}
          onFacts={(facts) => set({ facts })} />
      </fieldset>
    </Dialog>
  );
}
