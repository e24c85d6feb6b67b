import { useState, type FormEvent } from 'react';
import type { ProjectDto } from '../../../../shared/api/types.js';
import { checkTransition, PHASE_LABELS, PHASES, phaseIndex, type Phase } from '../../../../shared/projects/phases.js';
import { api } from '../../api/endpoints';
import { messages } from '../../i18n/messages';
import { Button } from '../../ui/Button';
import { ErrorMessage, SuccessMessage } from '../../ui/ErrorMessage';
import { SelectField, TextAreaField } from '../../ui/Field';
import { useProjectMutation } from './useProjectMutation';

/**
 * Phase controls for the facilitator and administrators (rendered only when `myAbilities` has 'project.phase.change').
 * Moving forward is one step at a time and asks for a confirmation; moving back needs a reason. The shared phase
 * machine gives an immediate French answer; the server checks again and its refusal (gates, 409) is shown as is.
 */
export function PhaseControls({ project }: { project: ProjectDto }) {
  const m = messages.project;
  const idx = phaseIndex(project.phase);
  const next: Phase | undefined = PHASES[idx + 1];
  const earlier = PHASES.slice(0, idx);
  const [confirming, setConfirming] = useState(false);
  const [target, setTarget] = useState<Phase | ''>(earlier[earlier.length - 1] ?? '');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const change = useProjectMutation(project.id, (v: { to: Phase; reason?: string }) => api.changePhase(project.id, v.to, v.reason));

  const onChanged = (updated: ProjectDto) => {
    setDone(m.phaseChanged(PHASE_LABELS[updated.phase]));
    setConfirming(false);
    setReason('');
    setTarget(PHASES[phaseIndex(updated.phase) - 1] ?? '');
  };
  const goForward = () => {
    if (!next) return;
    setDone(null);
    change.mutate({ to: next }, { onSuccess: onChanged });
  };
  const goBack = (e: FormEvent) => {
    e.preventDefault();
    if (!target) return;
    const verdict = checkTransition({ from: project.phase, to: target, reason, actorMayControl: true });
    setReasonError(verdict.ok ? null : verdict.message);
    if (!verdict.ok) return;
    setDone(null);
    change.mutate({ to: target, reason: reason.trim() }, { onSuccess: onChanged });
  };

  return (
    <div className="phase-controls" data-testid="phase-controls">
      {change.isError ? <ErrorMessage error={change.error} /> : null}
      {done ? <SuccessMessage>{done}</SuccessMessage> : null}
      <div className="phase-forward">
        <h3>{m.forwardTitle}</h3>
        {next ? (
          <>
            <p>{m.nextPhaseHint(PHASE_LABELS[next])}</p>
            {confirming ? (
              <div className="button-row">
                <Button onClick={goForward} busy={change.isPending} busyLabel={messages.common.saving}>
                  {m.confirmNext(PHASE_LABELS[next])}
                </Button>
                <Button variant="secondary" onClick={() => setConfirming(false)} disabled={change.isPending}>
                  {messages.common.cancel}
                </Button>
              </div>
            ) : (
              <Button onClick={() => setConfirming(true)}>{m.nextPhase}</Button>
            )}
          </>
        ) : (
          <p>{m.lastPhase}</p>
        )}
      </div>
      {earlier.length > 0 ? (
        <form className="phase-back" onSubmit={goBack} noValidate>
          <h3>{m.backTitle}</h3>
          <SelectField label={m.backTarget} value={target} onChange={(e) => setTarget(e.target.value as Phase)} required>
            {earlier.map((p) => (
              <option key={p} value={p}>
                {PHASE_LABELS[p]}
              </option>
            ))}
          </SelectField>
          <TextAreaField
            label={m.backReason}
            hint={m.backReasonHint}
            required
            rows={3}
            maxLength={2000}
            value={reason}
            error={reasonError}
            onChange={(e) => setReason(e.target.value)}
          />
          <Button type="submit" variant="secondary" busy={change.isPending} busyLabel={messages.common.saving}>
            {m.backSubmit}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
