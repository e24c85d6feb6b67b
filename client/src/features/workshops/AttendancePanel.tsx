import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ROLE_LABELS } from '../../../../shared/auth/roles.js';
import type { SeanceViewDto } from '../../../../shared/workshops/types.js';
import { useMe } from '../../app/session';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { SelectField } from '../../ui/Field';
import { useSeanceAction, wsQ } from './api';
import { communeName, personName } from './format';
import { wm } from './messages';

/**
 * Présences: who is connected to a document of the séance (the server's connection registry) or checked in, by
 * commune, and the quorum indicator with its rule. Everyone may check themself in; the facilitator checks in people
 * in the room without a screen.
 */
export function AttendancePanel({ state, control, participate }: { state: SeanceViewDto; control: boolean; participate: boolean }) {
  const me = useMe();
  const act = useSeanceAction(state.id);
  const { attendance } = state;
  const mine = attendance.present.find((p) => p.personId === me.id);
  const checkedIn = mine && mine.source !== 'connexion';
  const groups = new Map<string | null, typeof attendance.present>();
  for (const p of attendance.present) groups.set(p.communeId, [...(groups.get(p.communeId) ?? []), p]);
  const ordered = [...groups.entries()].sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : communeName(state, a).localeCompare(communeName(state, b), 'fr')));
  const ended = state.status === 'terminee';

  return (
    <section className="seance-panel" aria-labelledby="seance-attendance-title" data-testid="attendance-panel">
      <h3 id="seance-attendance-title">{wm.attendanceTitle}</h3>
      {attendance.quorum ? (
        <p data-testid="quorum" data-reached={attendance.quorum.reached}>
          <Badge tone={attendance.quorum.reached ? 'success' : 'warning'}>
            {(attendance.quorum.reached ? wm.quorumReached : wm.quorumMissing)(attendance.memberCommunesRepresented, attendance.quorum.required)}
          </Badge>
        </p>
      ) : null}
      <p className="field-hint">{attendance.ruleText}</p>
      <p>{attendance.present.length ? wm.presentCount(attendance.present.length) : wm.nobody}</p>
      <ul className="seance-attendance">
        {ordered.map(([communeId, people]) => (
          <li key={communeId ?? 'none'}>
            <strong>{communeName(state, communeId)}</strong>
            <ul>
              {people.map((p) => (
                <li key={p.personId}>
                  {personName(state, p.personId)} <span className="muted">— {wm.source[p.source]}</span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {participate && !ended ? (
        checkedIn ? (
          <p className="muted">{wm.checkedIn}</p>
        ) : (
          <Button variant="secondary" onClick={() => act.mutate({ path: '/check-ins', body: {} })} disabled={act.isPending}>
            {wm.checkIn}
          </Button>
        )
      ) : null}
      {control && !ended ? <CheckInSomeone state={state} /> : null}
      {act.isError ? <ErrorMessage error={act.error} /> : null}
    </section>
  );
}

function CheckInSomeone({ state }: { state: SeanceViewDto }) {
  const people = useQuery(wsQ.invitables(state.projectId));
  const act = useSeanceAction(state.id);
  const [who, setWho] = useState('');
  const present = new Set(state.attendance.present.filter((p) => p.source !== 'connexion').map((p) => p.personId));
  const options = (people.data ?? []).filter((p) => !present.has(p.id));
  return (
    <form
      className="seance-checkin"
      onSubmit={(e) => {
        e.preventDefault();
        if (who) act.mutate({ path: '/check-ins', body: { personId: who } }, { onSuccess: () => setWho('') });
      }}
    >
      <SelectField label={wm.checkInSomeone} value={who} onChange={(e) => setWho(e.target.value)}>
        <option value="">—</option>
        {options.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name} ({ROLE_LABELS[p.role]}{p.communeName ? `, ${p.communeName}` : ''})
          </option>
        ))}
      </SelectField>
      <Button type="submit" variant="secondary" disabled={!who || act.isPending}>
        {wm.checkInSubmit}
      </Button>
      {act.isError ? <ErrorMessage error={act.error} /> : null}
    </form>
  );
}
