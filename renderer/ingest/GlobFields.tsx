import { Field } from '../ui/Field';

/** Include/exclude globs: one per line or comma separated, matched against file names or paths with "/". */
export function GlobFields({ include, exclude, onChange, errors }: {
  include: string;
  exclude: string;
  onChange(patch: { include?: string; exclude?: string }): void;
  errors: { include?: string; exclude?: string };
}) {
  return (
    <div className="form-grid">
      <Field label="Include only" error={errors.include} hint="e.g. *.exr, *.png — empty: every file">
        <textarea className="input glob-input" rows={2} value={include} onChange={(e) => onChange({ include: e.target.value })} />
      </Field>
      <Field label="Exclude" error={errors.exclude} hint="e.g. *.tmp, cache/** — hidden files and Thumbs.db, desktop.ini are always skipped">
        <textarea className="input glob-input" rows={2} value={exclude} onChange={(e) => onChange({ exclude: e.target.value })} />
      </Field>
    </div>
  );
}

/** Whether a folder's subfolders are taken too. */
export function SubfoldersCheckbox({ checked, onChange }: { checked: boolean; onChange(checked: boolean): void }) {
  return (
    <div className="field">
      <label className="checkbox-label">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
        Include subfolders
      </label>
    </div>
  );
}
