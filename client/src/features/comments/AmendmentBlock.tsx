import { useState, type FormEvent } from 'react';
import type { AmendmentView } from '../../../../shared/comments/types.js';
import { ApiError } from '../../api/errors';
import { formatDateTimeShort } from '../../i18n/format';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { TextAreaField } from '../../ui/Field';
import { useCommentMutations } from './api';
import { cm } from './messages';

const STATUS = { proposee: [cm.proposed, 'info'], acceptee: [cm.accepted, 'success'], rejetee: [cm.rejected, 'danger'] } as const;

/**
 * The amendment of a thread: the passage and its proposed replacement (struck / inserted), supports and
 * oppositions, the viewer's stance, and — for whoever may decide — accept, or reject with a motivation. A 409 on
 * accept shows the passage as it reads now (it changed since the proposal).
 */
export function AmendmentBlock({ projectId, amendment }: { projectId: string; amendment: AmendmentView }) {
  const { vote, accept, reject } = useCommentMutations(projectId);
  const [rejecting, setRejecting] = useState(false);
  const [motivation, setMotivation] = useState('');
  const [label, tone] = STATUS[amendment.status];
  const changed = accept.error instanceof ApiError && accept.error.code === 'amendment_text_changed' ? (accept.error.details as { currentText?: string | null } | undefined)?.currentText : undefined;

  const submitReject = (e: FormEvent) => {
    e.preventDefault();
    reject.mutate({ amendmentId: amendment.id, motivation }, { onSuccess: () => setRejecting(false) });
  };

  return (
    <section className="comment-amendment" aria-label={cm.amendment}>
      <p className="comment-amendment-head">
        <strong>{cm.amendment}</strong> <Badge tone={tone}>{label}</Badge>
      </p>
      <p className="comment-amendment-diff">
        {cm.replaces} <del>{amendment.originalText}</del> {cm.by} {amendment.replacementText ? <ins>{amendment.replacementText}</ins> : <em>{cm.deletion}</em>}
      </p>
      <p className="muted">
        {cm.tally(amendment.tally.support, amendment.tally.oppose)}
        {amendment.myStance ? ` — ${cm.myStance(amendment.myStance)}` : ''}
      </p>
      {amendment.decidedBy && amendment.decidedAt ? (
        <p className="comment-decision">
          {cm.decided(label, amendment.decidedBy.name, formatDateTimeShort(amendment.decidedAt))}
          {amendment.motivation ? ` — « ${amendment.motivation} »` : ''}
        </p>
      ) : null}
      {amendment.can.vote ? (
        <div className="comment-actions" role="group" aria-label={cm.amendment}>
          <Button variant="secondary" aria-pressed={amendment.myStance === 'soutien'} busy={vote.isPending} onClick={() => vote.mutate({ amendmentId: amendment.id, stance: 'soutien' })}>
            {cm.support}
          </Button>
          <Button variant="secondary" aria-pressed={amendment.myStance === 'opposition'} busy={vote.isPending} onClick={() => vote.mutate({ amendmentId: amendment.id, stance: 'opposition' })}>
            {cm.oppose}
          </Button>
        </div>
      ) : null}
      {amendment.can.decide && !rejecting ? (
        <div className="comment-actions">
          <Button busy={accept.isPending} onClick={() => accept.mutate(amendment.id)}>
            {cm.accept}
          </Button>
          <Button variant="danger" onClick={() => setRejecting(true)}>
            {cm.reject}
          </Button>
        </div>
      ) : null}
      {rejecting ? (
        <form onSubmit={submitReject} className="comment-form">
          <TextAreaField label={cm.motivation} hint={cm.motivationHint} value={motivation} onChange={(e) => setMotivation(e.target.value)} rows={2} required autoFocus />
          <div className="comment-actions">
            <Button type="submit" variant="danger" busy={reject.isPending} disabled={motivation.trim().length < 3}>
              {cm.confirmReject}
            </Button>
            <Button variant="ghost" onClick={() => setRejecting(false)}>{cm.cancel}</Button>
          </div>
          {reject.isError ? <ErrorMessage error={reject.error} /> : null}
        </form>
      ) : null}
      {changed !== undefined ? (
        <div className="comment-changed" role="alert">
          <p>{cm.textChanged}</p>
          <blockquote>« {changed ?? ''} »</blockquote>
        </div>
      ) : accept.isError ? (
        <ErrorMessage error={accept.error} />
      ) : null}
      {vote.isError ? <ErrorMessage error={vote.error} /> : null}
    </section>
  );
}
