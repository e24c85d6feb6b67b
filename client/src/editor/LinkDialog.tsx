import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Editor } from '@tiptap/react';
import { checkLinkHref } from '../../../shared/editor/link.js';
import { Button } from '../ui/Button';
import { TextField } from '../ui/Field';
import { em } from './messages';

/**
 * Adds, changes or removes the link on the selection, in a native modal `<dialog>` (focus kept inside, Escape
 * closes) instead of `window.prompt`: a labelled field, a French reason when the address is refused (only web, e-mail
 * and phone addresses), and the focus back in the text afterwards.
 */
export function LinkDialog({ editor, onClose }: { editor: Editor; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const previous = (editor.getAttributes('link').href as string | undefined) ?? '';
  const [value, setValue] = useState(previous || 'https://');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const close = () => ref.current?.close();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const check = checkLinkHref(value);
    if (!check.ok) return setError(check.reason);
    editor.chain().focus().extendMarkRange('link').setLink({ href: check.href }).run();
    close();
  };
  const remove = () => {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    close();
  };
  return (
    <dialog
      ref={ref}
      className="link-dialog"
      aria-labelledby="link-dialog-title"
      onClose={() => {
        onClose();
        editor.commands.focus();
      }}
    >
      <form onSubmit={submit} className="stack" noValidate>
        <h2 id="link-dialog-title">{previous ? em.linkEditTitle : em.linkAddTitle}</h2>
        <TextField
          label={em.linkAddress}
          hint={em.linkHint}
          type="url"
          inputMode="url"
          autoComplete="url"
          value={value}
          error={error}
          onChange={(e) => {
            setValue(e.target.value);
            setError(null);
          }}
        />
        <div className="button-row">
          <Button type="submit">{em.linkApply}</Button>
          {previous ? (
            <Button variant="secondary" onClick={remove}>
              {em.linkRemove}
            </Button>
          ) : null}
          <Button variant="secondary" onClick={close}>
            {em.linkCancel}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
