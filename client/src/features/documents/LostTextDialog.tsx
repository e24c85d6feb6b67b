import { useEffect, useRef, useState } from 'react';
import { Button } from '../../ui/Button';
import { dm } from './messages';

/**
 * Offers the text of a local version that the server refused (the replica was reset from the server), so that
 * nothing is dropped silently. A native modal `<dialog>`: focus is trapped and Escape closes it.
 */
export function LostTextDialog({ text, onClose }: { text: string; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <dialog ref={ref} className="doc-lost" aria-labelledby="doc-lost-title" onClose={onClose} data-testid="lost-text-dialog">
      <h2 id="doc-lost-title">{dm.lostTitle}</h2>
      <p>{dm.lostText}</p>
      <label htmlFor="doc-lost-text">{dm.lostArea}</label>
      <textarea id="doc-lost-text" readOnly value={text} rows={10} onFocus={(e) => e.currentTarget.select()} />
      <div className="doc-lost-actions">
        <Button variant="secondary" onClick={() => void copy()}>
          {copied ? dm.lostCopied : dm.lostCopy}
        </Button>
        <Button onClick={() => ref.current?.close()}>{dm.lostClose}</Button>
      </div>
    </dialog>
  );
}
