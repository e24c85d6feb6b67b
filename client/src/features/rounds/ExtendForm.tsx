import { useState, type FormEvent } from 'react';
import type { RoundDetailDto } from '../../../../shared/rounds/api.js';
import { Button } from '../../ui/Button';
import { Disclosure } from '../../ui/Disclosure';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { TextAreaField, TextField } from '../../ui/Field';
import { useProjectContext } from '../projects/useProjectContext';
import { useRoundMutations } from './api';
import { localInput } from './dates';
import { rm } from './messages';

/**
 * « Prolonger le tour de table »: a later deadline and its reason (sent to the communes still without a position).
 * The server refuses an earlier date or a closed round with a French message, shown here.
 */
export function ExtendForm({ round, onDone }: { round: RoundDetailDto; onDone: (message: string) => void }) {
  const { project } = useProjectContext();
  const { extend } = useRoundMutations(project.id);
  const [closesAt, setClosesAt] = useState(() => localInput(new Date(Date.parse(round.closesAt) + 7 * 86_400_000)));
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    extend.mutate(
      { roundId: round.id, body: { closesAt: new Date(closesAt).toISOString(), reason: reason.trim() } },
      { onSuccess: (r) => onDone(rm.page.extended(new Date(r.closesAt).toLocaleString('fr-FR', { dateStyle: 'long', timeStyle: 'short' }))) },
    );
  };
  return (
    <Disclosure summary={rm.page.extend}>
      <form onSubmit={submit} aria-label={rm.page.extend}>
        <TextField label={rm.page.extendDate} type="datetime-local" required value={closesAt} onChange={(e) => setClosesAt(e.target.value)} />
        <TextAreaField label={rm.page.extendReason} hint={rm.page.extendReasonHint} required minLength={3} maxLength={1000} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        {extend.error ? <ErrorMessage error={extend.error} /> : null}
        <Button type="submit" busy={extend.isPending}>
          {rm.page.extendSubmit}
        </Button>
      </form>
    </Disclosure>
  );
}
