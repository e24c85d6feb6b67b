import { useId, useRef, useState } from 'react';
import { messages } from '../../i18n/messages';
import { Button } from '../../ui/Button';

/**
 * A link to pass on, in a read-only field with a « Copier » button. Falls back to selecting the text when the
 * clipboard API is unavailable (plain HTTP, old browsers) so the user can copy it by hand.
 */
export function CopyLink({ intro, label, url }: { intro: string; label: string; url: string }) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      inputRef.current?.select();
    }
  };
  return (
    <div className="alert alert-success copy-link" role="status">
      <p>{intro}</p>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <div className="inline-form">
        <input id={id} ref={inputRef} readOnly value={url} onFocus={(e) => e.currentTarget.select()} data-testid="invitation-url" />
        <Button variant="secondary" onClick={() => void copy()}>
          {copied ? messages.common.copied : messages.common.copy}
        </Button>
      </div>
    </div>
  );
}
