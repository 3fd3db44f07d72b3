import { useEffect, useState, type FormEvent } from 'react';
import { useApp, useStores } from '../app/stores-context';
import { fillEmpty, useLateDefaults } from '../app/use-late-defaults';
import type { Classification } from '../api-types';
import { PlannedUsePicker, ProductionPicker, ToolPicker } from '../catalog/CatalogSelects';
import { Field } from '../ui/Field';
import { errorsByField } from './error-fields';
import { GlobFields, SubfoldersCheckbox } from './GlobFields';
import { splitGlobList } from '../../main/ingest/glob-list';
import { DefaultClassSelect } from './DefaultClassSelect';
import { BusyButton } from '../ui/BusyButton';

const FIELDS = ['path', 'production', 'use', 'tool', 'artist', 'classification', 'include', 'exclude'] as const;

interface FormState {
  path: string;
  production: string;
  use: string;
  tool: string;
  artist: string;
  classification: '' | Classification;
  include: string;
  exclude: string;
  recursive: boolean;
}

/** Adds a watch folder: its path, the production its files belong to, and the defaults drafts start with. */
export function WatchFolderForm() {
  const { watchFolders } = useStores();
  const productions = useApp('catalog', (s) => s.productions);
  const artistName = useApp('settings', (s) => s.settings?.artistName ?? '');
  const blank = (): FormState => ({
    path: '', production: productions.length === 1 ? productions[0]!.code : '', use: '', tool: '', artist: artistName,
    classification: '', include: '', exclude: '', recursive: true,
  });
  const [form, setForm] = useState<FormState>(blank);
  useLateDefaults(() => setForm((f) => fillEmpty(f, { production: blank().production, artist: artistName })));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // An error is about what was sent: editing that field, or the folder list changing (the folder it said was already
  // watched, removed), makes it stale.
  const set = (patch: Partial<FormState>) => {
    setForm((f) => ({ ...f, ...patch }));
    setErrors((e) => (Object.keys(patch).some((k) => k in e) ? Object.fromEntries(Object.entries(e).filter(([k]) => !(k in patch))) : e));
  };
  // Which folders exist, not the list object: a reload of the same folders leaves an error alone.
  const folderIds = useApp('watchFolders', (s) => s.folders.map((f) => f.id).join(','));
  useEffect(() => {
    setErrors({});
    setGeneral(null);
  }, [folderIds]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (saving) return;
    const local: Record<string, string> = {};
    if (!form.path.trim()) local.path = "Type the folder's full path, e.g. /mnt/renders/sh010.";
    if (!form.production) local.production = 'Choose the production the files in this folder belong to.';
    setErrors(local);
    setGeneral(null);
    if (Object.keys(local).length) return;
    setSaving(true);
    const res = await watchFolders.getState().add({
      path: form.path.trim(),
      production: form.production,
      use: form.use ? Number(form.use) : undefined,
      tool: form.tool || undefined,
      artist: form.artist.trim() || undefined,
      classification: form.classification || undefined,
      include: splitGlobList(form.include),
      exclude: splitGlobList(form.exclude),
      recursive: form.recursive,
      by: artistName || undefined,
    });
    setSaving(false);
    if (res.ok) {
      setForm(blank());
      return;
    }
    const split = errorsByField(res.error, FIELDS, 'path', form.path);
    setErrors(split.fields);
    setGeneral(split.general);
  }

  return (
    <form className="catalog-form watch-form" aria-label="Add a watch folder" onSubmit={(e) => void submit(e)} noValidate>
      <h2 className="form-title">Add a watch folder</h2>
      {general ? <div className="form-error" role="alert">{general}</div> : null}
      <Field label="Folder path" error={errors.path} hint="A folder on this machine or a mounted share; new files there land in the New files inbox.">
        <input className="input mono" value={form.path} onChange={(e) => set({ path: e.target.value })} placeholder="/mnt/renders/sh010" spellCheck={false} />
      </Field>
      <Field label="Production" error={errors.production}>
        <ProductionPicker value={form.production} onChange={(production) => set({ production, use: '' })} />
      </Field>
      <Field label="Planned use (optional)" error={errors.use} hint="Its facts, tools and class become the defaults.">
        <PlannedUsePicker production={form.production} value={form.use} onChange={(use) => set({ use })} disabled={!form.production} />
      </Field>
      <div className="form-grid">
        <Field label="Tool (optional)" error={errors.tool} hint="Empty: the tool each file's provenance names.">
          <ToolPicker value={form.tool} onChange={(tool) => set({ tool })} emptyLabel="From the file" />
        </Field>
        <Field label="Artist (optional)" error={errors.artist}>
          <input className="input" value={form.artist} onChange={(e) => set({ artist: e.target.value })} />
        </Field>
      </div>
      <Field label="Classification" error={errors.classification}>
        <DefaultClassSelect value={form.classification} onChange={(classification) => set({ classification })} />
      </Field>
      <GlobFields include={form.include} exclude={form.exclude} errors={errors} onChange={set} />
      <SubfoldersCheckbox checked={form.recursive} onChange={(recursive) => set({ recursive })} />
      <div className="form-actions">
        {/* Busy, not disabled: a disabled button drops the keyboard to the page while the folder is added. */}
        <BusyButton type="submit" className="btn btn-primary" busy={saving}>{saving ? 'Adding…' : 'Watch folder'}</BusyButton>
      </div>
    </form>
  );
}
