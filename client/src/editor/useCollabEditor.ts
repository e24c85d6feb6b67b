import './editor.css';
import { useEffect } from 'react';
import { useEditor, type Editor } from '@tiptap/react';
import type { AnyExtension } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { DEFAULT_FRAGMENT, editorExtensions } from '../../../shared/editor/index.js';
import type { CollabSession } from '../collab/session';

/** The caret of another person: a coloured bar and a name label (decorative for screen readers). */
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const color = typeof user.color === 'string' ? user.color : '#4c5467';
  const caret = document.createElement('span');
  caret.classList.add('collaboration-carets__caret');
  caret.style.borderColor = color;
  caret.setAttribute('aria-hidden', 'true');
  const label = document.createElement('span');
  label.classList.add('collaboration-carets__label');
  label.style.backgroundColor = color;
  label.textContent = typeof user.name === 'string' ? user.name : '';
  caret.append(label);
  return caret;
}

/**
 * The TipTap editor bound to a collaboration session: the shared extension list (same schema as the server) plus
 * Collaboration on the `default` fragment (its Yjs undo manager provides undo/redo) and CollaborationCaret with the
 * awareness user (the server overwrites `user` with the signed-in person, so what we claim here is only a hint).
 * `editable` follows the server's auth messages; `label` is the accessible name of the text area.
 */
export function useCollabEditor(
  session: CollabSession | null,
  user: { id: string; name: string; color: string } & Record<string, unknown>,
  editable: boolean,
  label: string,
  /** Features' own extensions (e.g. comment highlights); must be stable across renders. */
  extra: AnyExtension[] = [],
): Editor | null {
  const editor = useEditor(
    {
      editable: false,
      extensions: session
        ? [
            ...editorExtensions(),
            Collaboration.configure({ document: session.doc, field: DEFAULT_FRAGMENT }),
            CollaborationCaret.configure({ provider: session.provider, user, render: renderCaret }),
            ...extra,
          ]
        : editorExtensions(),
      editorProps: {
        attributes: { 'aria-label': label, 'aria-multiline': 'true', role: 'textbox', class: 'doc-editor-content' },
      },
    },
    [session],
  );

  // The editor is built once per session, often before the document's title has loaded: keep its accessible name
  // current (ProseMirror re-applies `attributes` on every update, so it must change there, not on the element).
  useEffect(() => {
    if (!editor || editor.isDestroyed || editor.options.editorProps.attributes === undefined) return;
    const attributes = editor.options.editorProps.attributes as Record<string, string>;
    if (attributes['aria-label'] === label) return;
    editor.setOptions({ editorProps: { ...editor.options.editorProps, attributes: { ...attributes, 'aria-label': label } } });
  }, [editor, label]);

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const next = editable && !!session;
    if (editor.isEditable !== next) editor.setEditable(next);
    editor.view.dom.setAttribute('aria-readonly', String(!next));
  }, [editor, editable, session]);

  return session ? editor : null;
}
