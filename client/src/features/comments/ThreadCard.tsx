import { useState, type FormEvent } from 'react';
import { ROLE_LABELS } from '../../../../shared/auth/roles.js';
import { COMMENT_TYPE_LABELS, type CommentAnchorView, type CommentMessageView, type CommentPerson, type CommentThreadView, type MentionablePerson } from '../../../../shared/comments/types.js';
import { formatDateTimeShort } from '../../i18n/format';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { AmendmentBlock } from './AmendmentBlock';
import { MentionTextarea, mentionedIds } from './MentionTextarea';
import { useCommentMutations } from './api';
import { cm } from './messages';

/** Badge colour per comment type: the text says the type, the colour only repeats it. */
export const TYPE_TONES: Record<CommentThreadView['type'], BadgeTone> = {
  question: 'info',
  objection: 'danger',
  soutien: 'success',
  correction_donnee: 'warning',
  proposition_amendement: 'outline',
  information: 'neutral',
};

function who(person: CommentPerson): string {
  return [ROLE_LABELS[person.role], person.communeName].filter(Boolean).join(' · ');
}

/** What a thread is about, as short lines (passage, diagnostic data, scenario). */
function AnchorLine({ anchor }: { anchor: CommentAnchorView }) {
  if (anchor.kind === 'text') {
    return (
      <div className={anchor.orphaned ? 'comment-quote comment-quote-orphaned' : 'comment-quote'}>
        {anchor.orphaned ? <Badge tone="warning">{cm.orphaned}</Badge> : null}
        <blockquote>« {anchor.quote} »</blockquote>
        {!anchor.orphaned && anchor.changed ? (
          <p className="comment-now">
            <span className="muted">{cm.now}</span> « {anchor.currentText} »
          </p>
        ) : null}
        {anchor.sectionTitle ? <p className="comment-section muted">§ {anchor.sectionTitle}</p> : null}
      </div>
    );
  }
  if (anchor.kind === 'diagnostic') {
    return (
      <p className="comment-target">
        {anchor.label}
        {anchor.missing ? <> — <em>{cm.missingRecord}</em></> : null}
      </p>
    );
  }
  return <p className="comment-target">{cm.scenario(anchor.field)}</p>;
}

function Message({ projectId, threadId, message, people }: { projectId: string; threadId: string; message: CommentMessageView; people: MentionablePerson[] }) {
  const { edit, remove } = useCommentMutations(projectId);
  const [editing, setEditing] = useState(false);
  const [body, setBody] = useState(message.body);
  const [picked, setPicked] = useState(() => new Set(message.mentions.map((m) => m.id)));
  if (message.deletedAt) {
    return (
      <li className="comment-message comment-message-deleted">
        <p className="muted">
          <strong>{message.author.name}</strong> — {cm.deleted(formatDateTimeShort(message.deletedAt))}
        </p>
      </li>
    );
  }
  const save = (e: FormEvent) => {
    e.preventDefault();
    edit.mutate({ threadId, messageId: message.id, body, mentions: mentionedIds(body, people, picked) }, { onSuccess: () => setEditing(false) });
  };
  return (
    <li className="comment-message">
      <p className="comment-meta">
        <strong>{message.author.name}</strong> <span className="muted">{who(message.author)}</span>
        <span className="muted">
          {' · '}
          <time dateTime={message.createdAt}>{formatDateTimeShort(message.createdAt)}</time>
          {message.editedAt ? ` · ${cm.edited}` : ''}
        </span>
      </p>
      {editing ? (
        <form onSubmit={save} className="comment-form">
          <MentionTextarea label={cm.edit} value={body} onChange={setBody} people={people} onPick={(id) => setPicked((s) => new Set(s).add(id))} autoFocus />
          <div className="comment-actions">
            <Button type="submit" busy={edit.isPending}>{cm.save}</Button>
            <Button variant="ghost" onClick={() => setEditing(false)}>{cm.cancel}</Button>
          </div>
          {edit.isError ? <ErrorMessage error={edit.error} /> : null}
        </form>
      ) : (
        <p className="comment-body">{message.body}</p>
      )}
      {message.history.length > 0 ? (
        <details className="comment-history">
          <summary>{cm.history(message.history.length)}</summary>
          <ul>
            {message.history.map((h, i) => (
              <li key={i}>
                <span className="muted">{cm.historyItem(formatDateTimeShort(h.editedAt))}</span> {h.body}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {!editing && (message.can.edit || message.can.delete) ? (
        <div className="comment-actions">
          {message.can.edit ? <Button variant="ghost" onClick={() => { setBody(message.body); setEditing(true); }}>{cm.edit}</Button> : null}
          {message.can.delete ? (
            <Button variant="ghost" busy={remove.isPending} onClick={() => window.confirm(cm.confirmRemove) && remove.mutate({ threadId, messageId: message.id })}>
              {cm.remove}
            </Button>
          ) : null}
        </div>
      ) : null}
      {remove.isError ? <ErrorMessage error={remove.error} /> : null}
    </li>
  );
}

/**
 * One thread: type and status, what it is about (the quoted passage, orphaned or changed; the diagnostic data),
 * its messages with their history, the amendment if any, then the actions the server allows (reply, resolve or
 * reopen, edit or delete one's own messages).
 */
export function ThreadCard({ thread, people, selected, onSelect }: { thread: CommentThreadView; people: MentionablePerson[]; selected?: boolean; onSelect?: (id: string) => void }) {
  const { reply, setStatus } = useCommentMutations(thread.projectId);
  const [replying, setReplying] = useState(false);
  const [body, setBody] = useState('');
  const [picked, setPicked] = useState(() => new Set<string>());
  const titleId = `thread-${thread.id}-title`;
  const send = (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) return;
    reply.mutate({ threadId: thread.id, body, mentions: mentionedIds(body, people, picked) }, { onSuccess: () => { setBody(''); setReplying(false); } });
  };
  return (
    <article className={['comment-thread', selected ? 'comment-thread-selected' : '', thread.status === 'resolved' ? 'comment-thread-resolved' : ''].join(' ')} aria-labelledby={titleId} data-thread-id={thread.id}>
      <header className="comment-thread-head">
        <h3 id={titleId} className="comment-thread-title">
          <Badge tone={TYPE_TONES[thread.type]}>{COMMENT_TYPE_LABELS[thread.type]}</Badge>
          <span className="visually-hidden"> — {thread.author.name}</span>
        </h3>
        <Badge tone={thread.status === 'open' ? 'neutral' : 'success'}>{thread.status === 'open' ? cm.open : cm.resolved}</Badge>
      </header>
      {thread.anchors.map((a, i) => <AnchorLine key={i} anchor={a} />)}
      {onSelect && thread.anchors.some((a) => a.kind === 'text' && !a.orphaned) ? (
        <Button variant="ghost" className="comment-show" aria-pressed={!!selected} onClick={() => onSelect(thread.id)}>
          {cm.show}
        </Button>
      ) : null}
      <ul className="comment-messages">
        {thread.messages.map((m) => <Message key={m.id} projectId={thread.projectId} threadId={thread.id} message={m} people={people} />)}
      </ul>
      {thread.amendment ? <AmendmentBlock projectId={thread.projectId} amendment={thread.amendment} /> : null}
      {thread.resolvedBy && thread.resolvedAt ? <p className="muted comment-resolved-by">{cm.resolvedBy(thread.resolvedBy.name, formatDateTimeShort(thread.resolvedAt))}</p> : null}
      {replying ? (
        <form onSubmit={send} className="comment-form">
          <MentionTextarea label={cm.replyLabel} hint={cm.bodyHint} value={body} onChange={setBody} people={people} onPick={(id) => setPicked((s) => new Set(s).add(id))} autoFocus required />
          <div className="comment-actions">
            <Button type="submit" busy={reply.isPending} disabled={!body.trim()}>{cm.send}</Button>
            <Button variant="ghost" onClick={() => setReplying(false)}>{cm.cancel}</Button>
          </div>
          {reply.isError ? <ErrorMessage error={reply.error} /> : null}
        </form>
      ) : (
        <div className="comment-actions">
          {thread.can.reply ? <Button variant="secondary" onClick={() => setReplying(true)}>{cm.reply}</Button> : null}
          {thread.can.resolve ? (
            <Button variant="secondary" busy={setStatus.isPending} onClick={() => setStatus.mutate({ threadId: thread.id, action: thread.status === 'open' ? 'resolve' : 'reopen' })}>
              {thread.status === 'open' ? cm.resolve : cm.reopen}
            </Button>
          ) : null}
        </div>
      )}
      {setStatus.isError ? <ErrorMessage error={setStatus.error} /> : null}
    </article>
  );
}
