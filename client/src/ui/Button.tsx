import type { ButtonHTMLAttributes } from 'react';

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';

/** Native button props plus the app's variants and busy state. */
export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: Variant;
  /** While true the button is disabled and shows `busyLabel` (announced by screen readers via aria-live on forms). */
  busy?: boolean;
  busyLabel?: string;
};

/** The app's button. Defaults to `type="button"` so that a button never submits a form by accident. */
export function Button({ variant = 'primary', busy = false, busyLabel, className, children, disabled, type, ...rest }: ButtonProps) {
  return (
    <button
      {...rest}
      type={type ?? 'button'}
      className={['btn', `btn-${variant}`, className].filter(Boolean).join(' ')}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
    >
      {busy && busyLabel ? busyLabel : children}
    </button>
  );
}
