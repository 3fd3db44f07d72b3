import { useEffect, useId, useRef, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';

/**
 * What Tab reaches in a dialog, in document order: links, enabled controls, and anything given a Tab stop of its own
 * (tabindex 0: a scrolling result list, ScrollList). The trap wraps between the first and the last of these.
 */
const FOCUSABLE = [
  'a[href]', 'button:not([disabled])', 'input:not([disabled]):not([type="hidden"])', 'select:not([disabled])',
  'textarea:not([disabled])', 'summary', '[contenteditable]:not([contenteditable="false"])', '[tabindex]:not([tabindex^="-"])',
].join(', ');
const FIELD = 'input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled])';

/**
 * Where Enter confirms but the browser would not submit by itself: a list box, a tick box or option, a text box with
 * Ctrl/Cmd, a scrolling list that has the keyboard (ScrollList: its keys scroll it, Enter does what the hint says).
 * Text inputs submit natively; buttons and links do what they say.
 */
export function submitsOnEnter(target: EventTarget, withModifier: boolean): boolean {
  if (target instanceof HTMLTextAreaElement) return withModifier;
  if (target instanceof HTMLElement && target.hasAttribute('data-scroll-region')) return true;
  if (target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && (target.type === 'checkbox' || target.type === 'radio');
}

export interface DialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
  /** Styles the confirm button as a warning (retire). */
  danger?: boolean;
  /** Working: confirm is disabled, and so is cancel unless cancelWhileBusy. */
  busy?: boolean;
  cancelWhileBusy?: boolean;
  cancelLabel?: string;
  /** Only the confirm button (a final "Done" step). */
  hideCancel?: boolean;
  describedBy?: string;
  className?: string;
}

/** What Enter and Esc do now: a dialog with one button closes on either; a running one can only be stopped. */
function keyHint(oneButton: boolean, busy: boolean, canCancel: boolean, cancelLabel = 'Cancel'): string {
  if (oneButton) return 'Enter or Esc closes';
  if (busy) return canCancel ? `Esc: ${cancelLabel}` : '';
  return 'Enter confirms · Esc cancels';
}

/**
 * A modal form: focus moves in and is trapped while open, Esc cancels, Enter confirms (Ctrl/Cmd+Enter from a
 * multi-line field), and focus goes back where it was when the dialog closes (or to the screen's [data-focus-home]).
 *
 * Focus starts on the field marked data-autofocus, else the first field, else the confirm button: a dialog that only
 * asks ("Dismiss x?") must confirm on Enter as its hint says, not cancel. Tabbing to Cancel and pressing Enter cancels.
 */
export function Dialog({
  title, children, confirmLabel, onConfirm, onCancel, danger, busy, cancelWhileBusy, cancelLabel, hideCancel, describedBy, className,
}: DialogProps) {
  const titleId = useId();
  const canCancel = !busy || Boolean(cancelWhileBusy);
  const ref = useRef<HTMLFormElement>(null);

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const el = ref.current;
    const first = el?.querySelector<HTMLElement>('[data-autofocus]')
      ?? el?.querySelector('.dialog-body')?.querySelector<HTMLElement>(FIELD)
      ?? el?.querySelector<HTMLElement>('button[type="submit"]:not([disabled])')
      // A dialog that shows work in progress has only Cancel enabled: the dialog itself takes focus, so Esc works and
      // an Enter meant for "confirm", as the hint says, does not stop the work.
      ?? el;
    first?.focus();
    return () => {
      // The control that opened the dialog may be gone or disabled now (Retire… on a retired asset): the screen's
      // main control (the asset table) takes the keyboard rather than the page.
      if (before && document.contains(before) && !before.matches(':disabled')) before.focus();
      else document.querySelector<HTMLElement>('[data-focus-home]')?.focus();
    };
  }, []);

  // Disabling the focused control while working (the confirm button, a fieldset) drops focus to the page, where Esc
  // no longer reaches the dialog: the dialog takes it first.
  useEffect(() => {
    const el = ref.current;
    const active = document.activeElement;
    if (el && (!el.contains(active) || active?.matches(':disabled'))) el.focus();
  }, [busy]);

  function onKeyDown(e: KeyboardEvent<HTMLFormElement>) {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      if (canCancel) onCancel();
      return;
    }
    if (e.key === 'Enter' && !e.defaultPrevented && !e.nativeEvent.isComposing && submitsOnEnter(e.target, e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      if (!busy) ref.current?.requestSubmit();
      return;
    }
    if (e.key !== 'Tab' || !ref.current) return;
    const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = items[0];
    const last = items.at(-1);
    if (!first || !last) return;
    // The dialog itself holds focus while it shows work in progress: Tab goes into it, never to the page behind.
    if (document.activeElement === ref.current) {
      e.preventDefault();
      (e.shiftKey ? last : first).focus();
    } else if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!busy) onConfirm();
  }

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => { if (e.target === e.currentTarget && canCancel) onCancel(); }}>
      <form
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={describedBy}
        className={`dialog ${className ?? ''}`}
        onKeyDown={onKeyDown}
        onSubmit={submit}
        noValidate
        tabIndex={-1}
      >
        <h2 id={titleId} className="dialog-title">{title}</h2>
        <div className="dialog-body">{children}</div>
        <div className="dialog-actions">
          <span className="dialog-hint">{keyHint(hideCancel === true, busy === true, canCancel, cancelLabel)}</span>
          {hideCancel ? null : <button type="button" className="btn" onClick={onCancel} disabled={!canCancel}>{cancelLabel ?? 'Cancel'}</button>}
          <button type="submit" className={`btn ${danger ? 'btn-danger' : 'btn-primary'}`} disabled={busy}>{confirmLabel}</button>
        </div>
      </form>
    </div>
  );
}
