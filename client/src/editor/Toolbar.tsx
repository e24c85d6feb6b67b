import { useState } from 'react';
import { useEditorState, type Editor } from '@tiptap/react';
import { em } from './messages';
import { LinkDialog } from './LinkDialog';

type Tool = { key: string; label: string; icon: string; run(e: Editor): void; active?(e: Editor): boolean; can?(e: Editor): boolean };

const TOOLS: Tool[][] = [
  [1, 2, 3].map((level) => ({
    key: `h${level}`,
    label: em.heading(level),
    icon: `T${level}`,
    run: (e) => e.chain().focus().toggleHeading({ level: level as 1 | 2 | 3 }).run(),
    active: (e) => e.isActive('heading', { level }),
  })),
  [
    { key: 'bold', label: em.bold, icon: 'G', run: (e) => e.chain().focus().toggleBold().run(), active: (e) => e.isActive('bold') },
    { key: 'italic', label: em.italic, icon: 'I', run: (e) => e.chain().focus().toggleItalic().run(), active: (e) => e.isActive('italic') },
    // Opens LinkDialog (see Toolbar): a form needs React state, not a one-shot command.
    { key: 'link', label: em.link, icon: '↗', run: () => {}, active: (e) => e.isActive('link') },
  ],
  [
    { key: 'ul', label: em.bulletList, icon: '•', run: (e) => e.chain().focus().toggleBulletList().run(), active: (e) => e.isActive('bulletList') },
    { key: 'ol', label: em.orderedList, icon: '1.', run: (e) => e.chain().focus().toggleOrderedList().run(), active: (e) => e.isActive('orderedList') },
  ],
  [
    { key: 'table', label: em.insertTable, icon: '▦', run: (e) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run() },
    { key: 'row', label: em.addRow, icon: '+L', run: (e) => e.chain().focus().addRowAfter().run(), can: (e) => e.can().addRowAfter() },
    { key: 'col', label: em.addColumn, icon: '+C', run: (e) => e.chain().focus().addColumnAfter().run(), can: (e) => e.can().addColumnAfter() },
  ],
  [
    { key: 'undo', label: em.undo, icon: '↶', run: (e) => e.chain().focus().undo().run(), can: (e) => e.can().undo() },
    { key: 'redo', label: em.redo, icon: '↷', run: (e) => e.chain().focus().redo().run(), can: (e) => e.can().redo() },
  ],
];

/**
 * The formatting toolbar (WAI-ARIA toolbar: one tab stop, arrow keys move between buttons). Every button has a French
 * label and `aria-pressed` for marks; the whole toolbar is disabled while the text is read-only.
 */
export function Toolbar({ editor, disabled }: { editor: Editor; disabled: boolean }) {
  const [linkOpen, setLinkOpen] = useState(false);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) =>
      Object.fromEntries(
        TOOLS.flat().map((t) => [t.key, { active: t.active?.(e) ?? null, enabled: e.isEditable && (t.can?.(e) ?? true) }]),
      ) as Record<string, { active: boolean | null; enabled: boolean }>,
  });

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return;
    const buttons = Array.from(event.currentTarget.querySelectorAll<HTMLButtonElement>('button'));
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next =
      event.key === 'Home' ? 0 : event.key === 'End' ? buttons.length - 1 : (index + (event.key === 'ArrowRight' ? 1 : -1) + buttons.length) % buttons.length;
    event.preventDefault();
    buttons.forEach((b, i) => (b.tabIndex = i === next ? 0 : -1));
    buttons[next]?.focus();
  };

  let first = true;
  return (
    <>
    <div role="toolbar" aria-label={em.toolbar} aria-disabled={disabled || undefined} className="doc-toolbar" onKeyDown={onKeyDown}>
      {TOOLS.map((group, gi) => (
        <div key={gi} className="doc-toolbar-group">
          {group.map((tool) => {
            const s = state[tool.key]!;
            const tabIndex = first ? 0 : -1;
            first = false;
            return (
              <button
                key={tool.key}
                type="button"
                className="doc-tool"
                tabIndex={tabIndex}
                aria-label={tool.label}
                title={tool.label}
                aria-pressed={s.active === null ? undefined : s.active}
                disabled={disabled || !s.enabled}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => (tool.key === 'link' ? setLinkOpen(true) : tool.run(editor))}
              >
                {/* Icon drawn by CSS: the button's name is its French label alone. */}
                <span className={`doc-tool-icon doc-tool-${tool.key}`} data-icon={tool.icon} aria-hidden="true" />
              </button>
            );
          })}
        </div>
      ))}
    </div>
    {/* Outside the toolbar: its arrow-key navigation must not reach the dialog's text field. */}
    {linkOpen ? <LinkDialog editor={editor} onClose={() => setLinkOpen(false)} /> : null}
    </>
  );
}
