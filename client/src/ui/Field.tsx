import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { messages } from '../i18n/messages';

type FieldFrame = {
  label: string;
  hint?: ReactNode;
  /** Field-level error: linked with aria-describedby and flagged with aria-invalid. */
  error?: string | null;
};

/** Label, hint and error around one control, wired with ids so that assistive technologies read them together. */
function Frame({
  id,
  label,
  hint,
  error,
  required,
  children,
}: FieldFrame & { id: string; required?: boolean; children: ReactNode }) {
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="field-required"> ({messages.common.required})</span> : null}
      </label>
      {hint ? (
        <div className="field-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {children}
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** A labelled `<input>`. */
export function TextField({ label, hint, error, id: givenId, ...input }: FieldFrame & InputHTMLAttributes<HTMLInputElement>) {
  const autoId = useId();
  const id = givenId ?? autoId;
  return (
    <Frame id={id} label={label} hint={hint} error={error} required={input.required}>
      <input {...input} id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} />
    </Frame>
  );
}

/** A labelled `<select>`. */
export function SelectField({
  label,
  hint,
  error,
  id: givenId,
  children,
  ...select
}: FieldFrame & SelectHTMLAttributes<HTMLSelectElement>) {
  const autoId = useId();
  const id = givenId ?? autoId;
  return (
    <Frame id={id} label={label} hint={hint} error={error} required={select.required}>
      <select {...select} id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)}>
        {children}
      </select>
    </Frame>
  );
}

/** A labelled `<textarea>`. */
export function TextAreaField({ label, hint, error, id: givenId, ...area }: FieldFrame & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const autoId = useId();
  const id = givenId ?? autoId;
  return (
    <Frame id={id} label={label} hint={hint} error={error} required={area.required}>
      <textarea {...area} id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} />
    </Frame>
  );
}
