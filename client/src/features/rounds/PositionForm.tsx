import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ACTION_IMPACTS, POSITION_KINDS, type ActionImpact, type PositionKind } from '../../../../shared/rounds/positions.js';
import type { RoundDetailDto } from '../../../../shared/rounds/api.js';
import { Button } from '../../ui/Button';
import { ErrorMessage, SuccessMessage } from '../../ui/ErrorMessage';
import { TextAreaField } from '../../ui/Field';
import { useProjectContext } from '../projects/useProjectContext';
import { roundQ, useRoundMutations } from './api';
import { rm } from './messages';

/**
 * The élu·e's form for the commune's position: the position, motivation and conditions, and for each action of the
 * commune's programme whether the proposal reinforces, leaves unchanged or weakens it. Pre-filled with the position
 * already recorded (it can be replaced while the round is open). The server checks everything again.
 */
export function PositionForm({ round, communeId }: { round: RoundDetailDto; communeId: string }) {
  const { project } = useProjectContext();
  const programmes = useQuery(roundQ.programmes(project.id));
  const actions = (programmes.data ?? []).filter((a) => a.communeId === communeId);
  const current = round.positions.find((p) => p.communeId === communeId);
  const communeName = round.invitedCommunes.find((c) => c.id === communeId)?.name ?? '';
  const [kind, setKind] = useState<PositionKind | ''>(current?.kind ?? '');
  const [motivation, setMotivation] = useState(current?.motivation ?? '');
  const [conditions, setConditions] = useState((current?.conditions ?? []).join('\n'));
  const [impacts, setImpacts] = useState<Record<string, ActionImpact>>(Object.fromEntries((current?.actionImpacts ?? []).map((a) => [a.actionId, a.impact])));
  const [localError, setLocalError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const { position } = useRoundMutations(project.id);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    if (!kind) return setLocalError(rm.position.kind);
    const missing = actions.filter((a) => !impacts[a.id]).length;
    if (missing > 0) return setLocalError(rm.position.missingImpacts(missing));
    setLocalError(null);
    position.mutate(
      {
        roundId: round.id,
        communeId,
        body: {
          kind,
          motivation: motivation.trim() || null,
          conditions: conditions.split('\n').map((c) => c.trim()).filter(Boolean),
          actionImpacts: actions.map((a) => ({ actionId: a.id, impact: impacts[a.id]! })),
        },
      },
      { onSuccess: () => setSaved(true) },
    );
  };

  return (
    <form className="rounds-card rounds-position" onSubmit={submit} noValidate aria-labelledby="position-title">
      <h3 id="position-title">{rm.position.title(communeName)}</h3>
      <p className="muted">{rm.position.intro}</p>
      <fieldset className="rounds-radios">
        <legend>{rm.position.kind}</legend>
        {POSITION_KINDS.map((k) => (
          <label key={k}>
            <input type="radio" name="position-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
            {rm.position.kinds[k]}
          </label>
        ))}
      </fieldset>
      <TextAreaField label={rm.position.motivation} hint={rm.position.motivationHint} value={motivation} onChange={(e) => setMotivation(e.target.value)} rows={3} maxLength={4000} />
      <TextAreaField label={rm.position.conditions} hint={rm.position.conditionsHint} value={conditions} onChange={(e) => setConditions(e.target.value)} rows={2} />
      <fieldset className="rounds-impacts" aria-describedby="impacts-hint">
        <legend>{rm.position.impacts}</legend>
        <p className="field-hint" id="impacts-hint">
          {rm.position.impactsHint}
        </p>
        {programmes.isSuccess && actions.length === 0 ? <p className="muted">{rm.position.noProgramme}</p> : null}
        {actions.map((a) => (
          <fieldset key={a.id} className="rounds-impact">
            <legend>{a.title}</legend>
            <div className="rounds-impact-choices">
              {ACTION_IMPACTS.map((i) => (
                <label key={i}>
                  <input type="radio" name={`impact-${a.id}`} value={i} checked={impacts[a.id] === i} onChange={() => setImpacts((m) => ({ ...m, [a.id]: i }))} />
                  {rm.position.impactLabels[i]}
                </label>
              ))}
            </div>
          </fieldset>
        ))}
      </fieldset>
      {localError ? (
        <p className="field-error" role="alert">
          {localError}
        </p>
      ) : null}
      {position.isError ? <ErrorMessage error={position.error} /> : null}
      {saved ? <SuccessMessage>{rm.position.saved}</SuccessMessage> : null}
      <Button type="submit" busy={position.isPending} busyLabel={rm.position.saving}>
        {current ? rm.position.update : rm.position.submit}
      </Button>
    </form>
  );
}
