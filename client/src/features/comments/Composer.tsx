import { useState, type FormEvent } from 'react';
import { COMMENT_TYPES, COMMENT_TYPE_LABELS, type AnchorInput, type CommentThreadView, type CommentType, type MentionablePerson } from '../../../../shared/comments/types.js';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { SelectField, TextField } from '../../ui/Field';
import { MentionTextarea, mentionedIds } from './MentionTextarea';
import { useCommentMutations } from './api';
import { cm } from './messages';

type Props = {
  projectId: string;
  /** What the comment is about; for a record, `field` is chosen here among `fields`. */
  anchors: AnchorInput[];
  /** The selected passage (text comments): shown, and the starting point of an amendment's replacement. */
  quote?: string;
  /** Fields of a diagnostic record the comment may point at (absent: the anchors are used as given). */
  fields?: { key: string; label: string }[];
  initialField?: string;
  people: MentionablePerson[];
  /** Whether « Proposition d'amendement » is offered (a passage of one paragraph, and the right to propose). */
  allowAmendment: boolean;
  roundId?: string | null;
  onDone(thread: CommentThreadView): void;
  onCancel(): void;
};

/**
 * The form of a new comment: its type, the text with @mentions, and for an amendment the replacement text
 * (pre-filled with the passage so that one edits rather than retypes).
 */
export function Composer({ projectId, anchors, quote, fields, initialField, people, allowAmendment, roundId, onDone, onCancel }: Props) {
  const { create } = useCommentMutations(projectId);
  const types = COMMENT_TYPES.filter((t) => t !== 'proposition_amendement' || allowAmendment);
  const [type, setType] = useState<CommentType>(fields ? 'correction_donnee' : 'question');
  const [body, setBody] = useState('');
  const [picked, setPicked] = useState(() => new Set<string>());
  const [replacement, setReplacement] = useState(quote ?? '');
  const [field, setField] = useState(initialField ?? '');
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) return setError('Écrivez votre commentaire.');
    setError(null);
    const withField = fields
      ? anchors.map((a) => (a.kind === 'diagnostic' ? { ...a, ...(field ? { field } : {}) } : a))
      : anchors;
    create.mutate(
      {
        type,
        body,
        anchors: withField,
        mentions: mentionedIds(body, people, picked),
        ...(roundId ? { roundId } : {}),
        ...(type === 'proposition_amendement' ? { replacementText: replacement } : {}),
      },
      { onSuccess: (thread) => onDone(thread as CommentThreadView) },
    );
  };

  return (
    <form className="comment-composer" onSubmit={submit} aria-label={cm.newComment} noValidate>
      <h3 className="comment-composer-title">{cm.newComment}</h3>
      {quote ? (
        <div className="comment-quote">
          <span className="muted">{cm.on}</span>
          <blockquote>« {quote} »</blockquote>
        </div>
      ) : null}
      {fields ? (
        <SelectField label={cm.field} value={field} onChange={(e) => setField(e.target.value)}>
          <option value="">{cm.wholeRecord}</option>
          {fields.map((f) => (
            <option key={f.key} value={f.key}>
              {f.label}
            </option>
          ))}
        </SelectField>
      ) : null}
      <SelectField label={cm.type} value={type} onChange={(e) => setType(e.target.value as CommentType)}>
        {types.map((t) => (
          <option key={t} value={t}>
            {COMMENT_TYPE_LABELS[t]}
          </option>
        ))}
      </SelectField>
      <MentionTextarea label={cm.body} hint={cm.bodyHint} value={body} onChange={setBody} people={people} onPick={(id) => setPicked((s) => new Set(s).add(id))} required error={error} autoFocus rows={4} />
      {type === 'proposition_amendement' ? (
        <TextField label={cm.replacement} hint={cm.replacementHint} value={replacement} onChange={(e) => setReplacement(e.target.value.replace(/[\r\n]+/g, ' '))} />
      ) : null}
      <div className="comment-actions">
        <Button type="submit" busy={create.isPending} busyLabel={cm.publishing}>
          {cm.publish}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {cm.cancel}
        </Button>
      </div>
      {create.isError ? <ErrorMessage error={create.error} /> : null}
    </form>
  );
}
