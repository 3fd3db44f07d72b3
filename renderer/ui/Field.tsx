import { useId, type ReactElement, type ReactNode } from 'react';
import { cloneElement } from 'react';

export interface FieldProps {
  label: string;
  /** The message shown under the control (from the API or a local check). */
  error?: string | null;
  hint?: ReactNode;
  /** Shown beside the control on the same line (a Copy or Save button). */
  after?: ReactNode;
  children: ReactElement<{ id?: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }>;
  className?: string;
}

/** A labelled form control with its validation message, wired for screen readers. */
export function Field({ label, error, hint, after, children, className }: FieldProps) {
  const id = useId();
  const msgId = `${id}-msg`;
  const control = cloneElement(children, {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error || hint ? msgId : undefined,
  });
  return (
    <div className={`field ${error ? 'field-invalid' : ''} ${className ?? ''}`}>
      <label htmlFor={id} className="field-label">{label}</label>
      {after ? <div className="readonly-row">{control}{after}</div> : control}
      {error ? <div id={msgId} className="field-error" role="alert">{error}</div>
        : hint ? <div id={msgId} className="field-hint">{hint}</div> : null}
    </div>
  );
}
