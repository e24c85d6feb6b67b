import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { COMPLETENESS_STATUSES, type BoardSection } from '../../../../shared/diagnostic/sections.js';
import { errorMessage } from '../../api/errors';
import { formatDate } from '../../i18n/format';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { TextAreaField } from '../../ui/Field';
import { diagApi, diagKeys } from './api';
import { STATUS_TONE } from './CompletenessBoard';
import { useDiagnostic } from './EditorContext';
import { dm } from './messages';

/**
 * Status of one section of one commune, and the workflow controls the server allows: submit (whoever writes the
 * commune's data), validate or send back with a reason (an élu·e of the commune).
 */
export function SectionStatus({ communeId, section }: { communeId: string; section: BoardSection }) {
  const ctx = useDiagnostic();
  const queryClient = useQueryClient();
  const commune = ctx.overview.communes.find((c) => c.id === communeId)!;
  const cell = ctx.overview.board.find((r) => r.communeId === communeId)!.cells[section];
  const [reason, setReason] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const move = useMutation({
    mutationFn: (action: 'submit' | 'valide' | 'a_revoir') =>
      action === 'submit' ? diagApi.submit(ctx.projectId, communeId, section) : diagApi.review(ctx.projectId, communeId, section, action, reason ?? undefined),
    onSuccess: async (_row, action) => {
      setReason(null);
      setMessage(action === 'submit' ? dm.commune.submitted : action === 'valide' ? dm.commune.validatedDone : dm.commune.returnedDone);
      await queryClient.invalidateQueries({ queryKey: diagKeys.all(ctx.projectId) });
    },
    onError: (e) => setMessage(errorMessage(e)),
  });
  const m = dm.commune;
  const canSubmit = commune.canWrite && cell.status !== 'soumis' && cell.status !== 'valide';
  const canReview = commune.canValidate && cell.status === 'soumis';

  return (
    <div className="diag-status">
      <Badge tone={STATUS_TONE[cell.status]}>{COMPLETENESS_STATUSES[cell.status]}</Badge>
      {cell.validatedBy ? <span className="muted">{m.by(cell.validatedBy.name, formatDate(cell.validatedBy.at))}</span> : cell.status === 'soumis' && cell.submittedBy ? <span className="muted">{m.by(cell.submittedBy.name, formatDate(cell.submittedBy.at))}</span> : null}
      {cell.comment && cell.status === 'a_revoir' ? <span className="diag-status-comment">« {cell.comment} »</span> : null}
      {canSubmit ? (
        <Button variant="secondary" busy={move.isPending} onClick={() => move.mutate('submit')}>
          {m.submit}
        </Button>
      ) : null}
      {canReview && reason === null ? (
        <>
          <Button busy={move.isPending} onClick={() => move.mutate('valide')}>
            {m.validate}
          </Button>
          <Button variant="secondary" onClick={() => setReason('')}>
            {m.sendBack}
          </Button>
        </>
      ) : null}
      {reason !== null ? (
        <form
          className="diag-sendback"
          onSubmit={(e) => {
            e.preventDefault();
            move.mutate('a_revoir');
          }}
        >
          <TextAreaField label={m.sendBackReason} value={reason} rows={2} onChange={(e) => setReason(e.target.value)} required />
          <div className="button-row">
            <Button type="submit" busy={move.isPending}>{m.sendBackConfirm}</Button>
            <Button variant="ghost" onClick={() => setReason(null)}>{dm.table.cancel}</Button>
          </div>
        </form>
      ) : null}
      <span role="status" aria-live="polite" className="diag-status-message">
        {message}
      </span>
    </div>
  );
}
