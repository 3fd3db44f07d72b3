import { useState } from 'react';
import { useApp, useStores } from '../app/stores-context';
import { fillEmpty, useLateDefaults } from '../app/use-late-defaults';
import type { Classification } from '../api-types';
import { EpisodePicker, PlannedUsePicker, ProductionPicker, ToolPicker } from '../catalog/CatalogSelects';
import { Dialog } from '../ui/Dialog';
import { Field } from '../ui/Field';
import { errorsByField } from './error-fields';
import { FolderIngestProgress } from './FolderIngestProgress';
import { FolderIngestResult } from './FolderIngestResult';
import { GlobFields, SubfoldersCheckbox } from './GlobFields';
import { globsText } from './globs';
import { splitGlobList } from '../../main/ingest/glob-list';
import { DefaultClassSelect } from './DefaultClassSelect';

const FIELDS = ['paths', 'production', 'tool', 'use', 'classification', 'include', 'exclude', 'episode', 'by'] as const;

interface FormState {
  path: string;
  recursive: boolean;
  include: string;
  exclude: string;
  production: string;
  tool: string;
  use: string;
  classification: '' | Classification;
  episode: string;
}

/** Log a whole folder: the form, then a progress bar (files, bytes, ETA) with Cancel, then what was logged. */
export function LogFolderDialog() {
  const phase = useApp('folderIngest', (s) => s.phase);
  if (phase === 'running') return <FolderIngestProgress />;
  if (phase === 'ended') return <FolderIngestResult />;
  return <LogFolderForm />;
}

function LogFolderForm() {
  const { folderIngest } = useStores();
  const productions = useApp('catalog', (s) => s.productions);
  const artistName = useApp('settings', (s) => s.settings?.artistName ?? '');
  const remembered = useApp('folderIngest', (s) => s.remembered);
  const defaultProduction = () => remembered.production ?? (productions.length === 1 ? productions[0]!.code : '');
  const [form, setForm] = useState<FormState>(() => ({
    path: remembered.paths?.[0] ?? '',
    recursive: remembered.recursive ?? true,
    include: globsText(remembered.include ?? []),
    exclude: globsText(remembered.exclude ?? []),
    production: defaultProduction(),
    tool: remembered.tool ?? '',
    use: remembered.use === undefined ? '' : String(remembered.use),
    classification: remembered.classification ?? '',
    episode: remembered.episode ?? '',
  }));
  // Back from an ingest that stopped before listing anything (no such folder...): the reason, under its field.
  const [refusal] = useState(() => {
    const refused = folderIngest.getState().refused;
    return refused ? errorsByField({ code: 'failed', message: refused }, FIELDS, 'paths', remembered.paths?.[0]) : null;
  });
  const [errors, setErrors] = useState<Record<string, string>>(refusal?.fields ?? {});
  const [general, setGeneral] = useState<string | null>(refusal?.general ?? null);
  const [busy, setBusy] = useState(false);
  useLateDefaults(() => setForm((f) => fillEmpty(f, { production: defaultProduction() })));
  const set = (patch: Partial<FormState>) => setForm((f) => ({ ...f, ...patch }));

  async function submit() {
    const local: Record<string, string> = {};
    if (!form.path.trim()) local.paths = "Type the folder's full path, e.g. /mnt/renders/sh010.";
    if (!form.production) local.production = 'Choose the production these files belong to.';
    setErrors(local);
    setGeneral(null);
    if (Object.keys(local).length) return;
    setBusy(true);
    const res = await folderIngest.getState().start({
      paths: [form.path.trim()],
      recursive: form.recursive,
      include: splitGlobList(form.include),
      exclude: splitGlobList(form.exclude),
      production: form.production,
      tool: form.tool || undefined,
      use: form.use ? Number(form.use) : undefined,
      classification: form.classification || undefined,
      episode: form.episode,
      by: artistName || undefined,
    });
    setBusy(false);
    if (res.ok) return;
    const split = errorsByField(res.error, FIELDS, 'paths', form.path.trim());
    setErrors(split.fields);
    setGeneral(split.general);
  }

  return (
    <Dialog title="Log a folder" confirmLabel="Log folder" busy={busy} className="dialog-wide"
      onConfirm={() => void submit()} onCancel={() => folderIngest.getState().close()}>
      {general ? <div className="form-error" role="alert">{general}</div> : null}
      <Field label="Folder path" error={errors.paths} hint="Numbered frames (shot_v001.1001.exr …) become one asset with a frame range.">
        <input className="input mono" value={form.path} onChange={(e) => set({ path: e.target.value })} placeholder="/mnt/renders/sh010" spellCheck={false} data-autofocus />
      </Field>
      <SubfoldersCheckbox checked={form.recursive} onChange={(recursive) => set({ recursive })} />
      <GlobFields include={form.include} exclude={form.exclude} errors={errors} onChange={set} />
      <div className="form-grid">
        <Field label="Production" error={errors.production}>
          <ProductionPicker value={form.production} onChange={(production) => set({ production, use: '', episode: '' })} />
        </Field>
        <Field label="Episode / reel" error={errors.episode}>
          <EpisodePicker production={form.production} value={form.episode} onChange={(episode) => set({ episode })} />
        </Field>
        <Field label="Tool" error={errors.tool} hint="Empty: each file gets the listed tool its provenance names; files naming none are listed, not logged.">
          <ToolPicker value={form.tool} onChange={(tool) => set({ tool })} emptyLabel="From each file" />
        </Field>
        <Field label="Classification" error={errors.classification}>
          <DefaultClassSelect value={form.classification} onChange={(classification) => set({ classification })} />
        </Field>
        <Field label="Planned use (optional)" error={errors.use} className="span-2">
          <PlannedUsePicker production={form.production} value={form.use} onChange={(use) => set({ use })} disabled={!form.production} />
        </Field>
      </div>
    </Dialog>
  );
}
