import { useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { ROLE_LABELS } from '../../../../shared/auth/roles.js';
import type { MentionablePerson } from '../../../../shared/comments/types.js';
import { cm } from './messages';

/** The `@word` being typed just before the caret, if any. */
function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)@([^\s@]{0,30})$/.exec(before);
  return match ? { start: caret - match[2].length - 1, query: match[2] } : null;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();

/** Ids of the people whose `@Name` is still in the text (a removed mention is not sent). */
export function mentionedIds(text: string, people: MentionablePerson[], picked: Set<string>): string[] {
  return people.filter((p) => picked.has(p.id) && text.includes(`@${p.name}`)).map((p) => p.id);
}

type Props = {
  label: string;
  hint?: string;
  value: string;
  onChange(value: string): void;
  people: MentionablePerson[];
  /** Called with the id of a person picked from the suggestions. */
  onPick(id: string): void;
  rows?: number;
  required?: boolean;
  error?: string | null;
  autoFocus?: boolean;
};

/**
 * A labelled textarea with @mention suggestions (a combobox pattern): typing `@` and letters lists the project's
 * people; ↑/↓ move, Entrée or Tab pick, Échap closes. The chosen name is written as `@Prénom Nom`.
 */
export function MentionTextarea({ label, hint, value, onChange, people, onPick, rows = 3, required, error, autoFocus }: Props) {
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const q = mentionQuery(value, caret);
  const suggestions = useMemo(() => {
    if (!q) return [];
    const needle = fold(q.query);
    return people.filter((p) => fold(p.name).split(/\s+/).some((w) => w.startsWith(needle)) || fold(p.name).startsWith(needle)).slice(0, 6);
  }, [q?.query, people]); // eslint-disable-line react-hooks/exhaustive-deps
  const open = !!q && suggestions.length > 0 && dismissed !== q.start;
  const listId = `${id}-mentions`;

  // Where the caret goes once the picked name is in the text: set right after React wrote the new value, before
  // any further keystroke is handled (a later frame would move the caret under the user's typing).
  const pendingCaret = useRef<number | null>(null);
  useLayoutEffect(() => {
    const at = pendingCaret.current;
    if (at === null || !ref.current) return;
    pendingCaret.current = null;
    ref.current.setSelectionRange(at, at);
    setCaret(at);
  }, [value]);

  const pick = (person: MentionablePerson) => {
    if (!q) return;
    const next = `${value.slice(0, q.start)}@${person.name} ${value.slice(caret)}`;
    pendingCaret.current = q.start + person.name.length + 2;
    onChange(next);
    onPick(person.id);
    setActive(0);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : suggestions.length - 1)) % suggestions.length);
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      pick(suggestions[Math.min(active, suggestions.length - 1)]);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setDismissed(q!.start);
    }
  };

  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid comment-mention' : 'field comment-mention'}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <div className="field-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      <textarea
        ref={ref}
        id={id}
        rows={rows}
        value={value}
        required={required}
        autoFocus={autoFocus}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? `${listId}-${Math.min(active, suggestions.length - 1)}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => {
          onChange(e.target.value);
          setCaret(e.target.selectionStart);
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label={cm.mentionList} className="comment-mention-list" hidden={!open}>
        {open
          ? suggestions.map((p, i) => (
              <li
                key={p.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === Math.min(active, suggestions.length - 1)}
                onMouseDown={(e) => {
                  e.preventDefault(); // keep the focus in the textarea
                  pick(p);
                }}
              >
                <strong>{p.name}</strong> <span className="muted">{[ROLE_LABELS[p.role], p.communeName].filter(Boolean).join(' · ')}</span>
              </li>
            ))
          : null}
      </ul>
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
