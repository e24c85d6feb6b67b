import './editor.css';
import { useEffect } from 'react';
import { useEditor, type Editor } from '@tiptap/react';
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
): Editor | null {
  const editor = useEditor(
    {
      editable: false,
      extensions: session
        ? [
            ...editorExtensions(),
            Collaboration.configure({ document: session.doc, field: DEFAULT_FRAGMENT }),
            CollaborationCaret.configure({ provider: session.provider, user, render: renderCaret }),
          ]
        : editorExtensions(),
      editorProps: {
        attributes: { 'aria-label': label, 'aria-multiline': 'true', role: 'textbox', class: 'doc-editor-content' },
      },
    },
    [session],
  );

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const next = editable && !!session;
    if (editor.isEditable !== next) editor.setEditable(next);
    editor.view.dom.setAttribute('aria-readonly', String(!next));
  }, [editor, editable, session]);

  return session ? editor : null;
}
