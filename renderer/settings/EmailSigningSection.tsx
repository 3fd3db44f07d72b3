import { useEffect, useState, type FormEvent } from 'react';
import { useApp, useStores } from '../app/stores-context';
import { TLS_LABELS } from '../packets/labels';
import type { PacketSettings, PacketSettingsChange, SmtpTls } from '../packets/types';
import { fieldErrors } from '../stores/call';
import { CopyButton } from '../ui/CopyButton';
import { Field } from '../ui/Field';

const FIELDS = ['smtpHost', 'smtpPort', 'smtpTls', 'smtpUser', 'smtpPassword', 'fromAddress', 'facilityManagerEmail', 'sizeCapMb'] as const;
type FieldName = (typeof FIELDS)[number];
const DEFAULT_PORT: Record<SmtpTls, string> = { starttls: '587', tls: '465', optional: '587', off: '25' };
const MB = 1024 * 1024;

interface Form {
  smtpHost: string;
  smtpPort: string;
  smtpTls: SmtpTls;
  smtpUser: string;
  smtpPassword: string;
  fromAddress: string;
  facilityManagerEmail: string;
  sizeCapMb: string;
}

function formOf(s: PacketSettings | null): Form {
  return {
    smtpHost: s?.smtpHost ?? '',
    smtpPort: s?.smtpPort ? String(s.smtpPort) : '',
    smtpTls: s?.smtpTls ?? 'starttls',
    smtpUser: s?.smtpUser ?? '',
    smtpPassword: '',
    // The API falls back to the manager for the sender: show only what was set.
    fromAddress: s && s.fromAddress !== s.facilityManagerEmail ? (s.fromAddress ?? '') : '',
    facilityManagerEmail: s?.facilityManagerEmail ?? '',
    sizeCapMb: s ? String(Math.round((s.sizeCapBytes / MB) * 10) / 10) : '',
  };
}

/** Every setting is sent as shown; the password only when one was typed (the API never gives it back). */
function changeOf(f: Form): PacketSettingsChange | string {
  const port = f.smtpPort.trim();
  if (port && !/^\d+$/.test(port)) return 'smtpPort: use a whole number, e.g. 587';
  const cap = Number(f.sizeCapMb);
  if (f.sizeCapMb.trim() === '' || !Number.isFinite(cap)) return 'sizeCapMb: give the size in MiB, e.g. 20';
  return {
    smtpHost: f.smtpHost.trim(),
    smtpPort: port ? Number(port) : null,
    smtpTls: f.smtpTls,
    smtpUser: f.smtpUser.trim(),
    fromAddress: f.fromAddress.trim(),
    facilityManagerEmail: f.facilityManagerEmail.trim(),
    sizeCapMb: cap,
    ...(f.smtpPassword ? { smtpPassword: f.smtpPassword } : {}),
  };
}

/** "fromAddress: fromAddress must be an email address" -> "must be an email address" under the From field. */
function tidy(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.replace(new RegExp(`^${k} `), '')]));
}

function SigningKey({ settings }: { settings: PacketSettings }) {
  const key = settings.facilityKey;
  return (
    <div className="field settings-subsection">
      <h3 className="section-title">Facility signing key</h3>
      {key.fingerprint ? (
        <>
          <div className="readonly-row">
            <code className="fingerprint" aria-label="Facility key fingerprint">{key.fingerprint}</code>
            <CopyButton value={key.fingerprint} label="Fingerprint" />
          </div>
          <div className="field-hint">
            Signs every packet (Ed25519). {key.protected ? 'The private key is encrypted with the OS keychain.' : 'The private key is a file only your user can read, in the data folder.'}
            {' '}The Netflix contact can compare this fingerprint with the one in each packet.
          </div>
        </>
      ) : (
        <div className="form-error" role="alert">{key.problem ?? 'The signing key cannot be read here.'}</div>
      )}
    </div>
  );
}

/** Settings > Email & signing: the mail server the outbox sends through, who sends, the size cap, the key. */
export function EmailSigningSection() {
  const { packetSettings: store } = useStores();
  const settings = useApp('packetSettings', (s) => s.settings);
  const [form, setForm] = useState<Form>(() => formOf(settings));
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm((f) => ({ ...f, [k]: v }));

  useEffect(() => void store.getState().load(), [store]);
  useEffect(() => setForm(formOf(settings)), [settings]);

  async function save(change: PacketSettingsChange | string) {
    if (typeof change === 'string') {
      const f = fieldErrors({ code: 'invalid_input', message: change }, FIELDS);
      setErrors(f.fields);
      return;
    }
    setBusy(true);
    const res = await store.getState().save(change);
    setBusy(false);
    if (res.ok) {
      setErrors({});
      setGeneral(null);
      return;
    }
    const f = fieldErrors(res.error, FIELDS);
    const fields = tidy(f.fields);
    // The API refuses to keep a password it cannot encrypt; that message belongs under the password.
    if (f.general && change.smtpPassword !== undefined && /password/i.test(f.general)) {
      fields.smtpPassword = f.general;
      setGeneral(null);
    } else setGeneral(f.general);
    setErrors(fields);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    void save(changeOf(form));
  }

  if (!settings) {
    return (
      <section className="settings-section" aria-labelledby="settings-email">
        <h2 id="settings-email" className="section-title">Email &amp; signing</h2>
        <div className="muted">Loading…</div>
      </section>
    );
  }

  const passwordHint = settings.canStorePassword
    ? (settings.smtpPasswordSet ? 'A password is stored, encrypted with the OS keychain. Type a new one to replace it.' : 'Stored encrypted with the OS keychain; never shown again.')
    : 'Only the desktop app can keep a password (encrypted with the OS keychain). Without it, send with the command line: genlog outbox send --smtp URL.';

  return (
    <form className="settings-section" aria-labelledby="settings-email" onSubmit={submit} noValidate>
      <h2 id="settings-email" className="section-title">Email &amp; signing</h2>
      <p className="muted small settings-lead">
        Approved packets are emailed to the production's Netflix contact through this server, with the facility
        manager in copy. Without a server, export a packet as .eml from the outbox.
      </p>
      {general ? <div className="form-error" role="alert">{general}</div> : null}
      <div className="form-grid settings-grid">
        <Field label="SMTP server" error={errors.smtpHost} hint="e.g. smtp.office365.com; empty: no server, export .eml instead">
          <input className="input" value={form.smtpHost} onChange={(e) => set('smtpHost', e.target.value)} spellCheck={false} />
        </Field>
        <div className="form-grid">
          <Field label="Port" error={errors.smtpPort}>
            <input className="input" inputMode="numeric" value={form.smtpPort} placeholder={DEFAULT_PORT[form.smtpTls]}
              onChange={(e) => set('smtpPort', e.target.value)} />
          </Field>
          <Field label="Security" error={errors.smtpTls}>
            <select className="input" value={form.smtpTls} onChange={(e) => set('smtpTls', e.target.value as SmtpTls)}>
              {(Object.keys(TLS_LABELS) as SmtpTls[]).map((t) => <option key={t} value={t}>{TLS_LABELS[t]}</option>)}
            </select>
          </Field>
        </div>
        <Field label="User name" error={errors.smtpUser}>
          <input className="input" value={form.smtpUser} onChange={(e) => set('smtpUser', e.target.value)} autoComplete="off" spellCheck={false} />
        </Field>
        <Field label="Password" error={errors.smtpPassword} hint={passwordHint}>
          <input className="input" type="password" value={form.smtpPassword} autoComplete="new-password"
            placeholder={settings.smtpPasswordSet ? '•••••••• (stored)' : ''} onChange={(e) => set('smtpPassword', e.target.value)} />
        </Field>
        <Field label="Facility manager email" error={errors.facilityManagerEmail} hint="In copy of every packet; the sender when From is empty">
          <input className="input" type="email" value={form.facilityManagerEmail} onChange={(e) => set('facilityManagerEmail', e.target.value)} spellCheck={false} />
        </Field>
        <Field label="From address (optional)" error={errors.fromAddress} hint="The sender, if not the facility manager">
          <input className="input" type="email" value={form.fromAddress} onChange={(e) => set('fromAddress', e.target.value)} spellCheck={false} />
        </Field>
        <Field label="Packet size cap (MiB)" error={errors.sizeCapMb} hint="A larger packet is refused, with advice to split it by episode or dates">
          <input className="input" inputMode="decimal" value={form.sizeCapMb} onChange={(e) => set('sizeCapMb', e.target.value)} />
        </Field>
      </div>
      <div className="form-actions">
        {settings.smtpPasswordSet ? (
          <button type="button" className="btn" disabled={busy} onClick={() => void save({ smtpPassword: null })}>Forget stored password</button>
        ) : null}
        <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? 'Saving…' : 'Save email settings'}</button>
      </div>
      <SigningKey settings={settings} />
    </form>
  );
}
