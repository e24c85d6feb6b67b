import { useRef } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { SEANCE_BODY_LABELS } from '../../../../shared/workshops/bodies.js';
import type { SeanceViewDto } from '../../../../shared/workshops/types.js';
import { Badge } from '../../ui/Badge';
import { QueryState } from '../../ui/QueryState';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { can, useProjectContext } from '../projects/useProjectContext';
import { seanceFiles, wsQ } from './api';
import { AgendaPanel } from './AgendaPanel';
import { AttendancePanel } from './AttendancePanel';
import { ControlBar } from './ControlBar';
import { DecisionsPanel } from './DecisionsPanel';
import { seanceDate, STATUS_TONE } from './format';
import { wm } from './messages';
import { PollsPanel } from './PollsPanel';
import { SeanceDocument } from './SeanceDocument';
import { SpeakingPanel } from './SpeakingPanel';
import { useSeanceLive } from './useSeanceLive';
import { useServerNow } from './useServerNow';

/**
 * `/projets/:projectId/seances/:seanceId`: the live séance room. The state comes from the server (GET, then every
 * `seance.state` event), so a reconnecting or reloaded screen resumes where the séance is. Left: the agenda and its
 * countdown; centre: the document everyone follows; right: speaking requests, polls, attendance, decisions.
 */
export function SeanceRoom() {
  const { project } = useProjectContext();
  const { seanceId = '' } = useParams();
  useSeanceLive(project.id);
  const detail = useQuery(wsQ.detail(seanceId));
  return <QueryState query={detail}>{(state) => <Room state={state} />}</QueryState>;
}

function Room({ state }: { state: SeanceViewDto }) {
  const { project } = useProjectContext();
  useDocumentTitle(state.title, project.title);
  const control = can(project, 'workshop.control');
  const participate = can(project, 'workshop.participate');
  const now = useServerNow(state.serverNow, state.status === 'en_cours');
  const selection = useRef<() => string>(() => '');
  const base = `/projets/${encodeURIComponent(project.id)}/seances`;
  const files = seanceFiles(state.id);

  return (
    <div className="seance-room" data-testid="seance-room" data-status={state.status} data-revision={state.revision}>
      <div className="seance-room-head">
        <p className="doc-back">
          <Link to={base}>← {wm.back}</Link>
        </p>
        <div className="seance-room-title">
          <h2>{state.title}</h2>
          <Badge tone={STATUS_TONE[state.status]}>{wm.status[state.status]}</Badge>
        </div>
        <p className="seance-room-meta">
          {SEANCE_BODY_LABELS[state.body]} · {seanceDate(state.startsAt)}
          {state.location ? ` · ${state.location}` : ''}
          {state.videoUrl ? (
            <>
              {' · '}
              <a href={state.videoUrl} target="_blank" rel="noopener noreferrer">
                {wm.fieldVideo}
              </a>
            </>
          ) : null}
        </p>
        <nav className="seance-room-links" aria-label={wm.exports}>
          <span className="muted">{wm.exports} :</span> <a href={files.ics}>{wm.ics}</a> · <a href={files.agenda('docx')}>{wm.docx}</a> · <a href={files.agenda('pdf')}>{wm.pdf}</a>
          {state.status !== 'planifiee' ? (
            <>
              {' · '}
              <Link to={`${base}/${encodeURIComponent(state.id)}/synthese`}>{wm.summary}</Link>
            </>
          ) : null}
          {control && state.status !== 'terminee' ? (
            <>
              {' · '}
              <Link to={`${base}/${encodeURIComponent(state.id)}/modifier`}>{wm.edit}</Link>
            </>
          ) : null}
        </nav>
      </div>
      {state.status === 'planifiee' ? <p className="alert seance-notice">{wm.notStarted}</p> : null}
      {state.status === 'terminee' ? (
        <p className="alert seance-notice">
          {wm.ended} <Link to={`${base}/${encodeURIComponent(state.id)}/synthese`}>{wm.summary}</Link>
        </p>
      ) : null}
      {control ? <ControlBar state={state} /> : null}
      <div className="seance-grid">
        <AgendaPanel state={state} now={now} control={control} />
        <SeanceDocument state={state} control={control} selection={selection} />
        <div className="seance-side">
          <SpeakingPanel state={state} now={now} control={control} participate={participate} />
          <PollsPanel state={state} control={control} participate={participate} selection={selection} />
          <AttendancePanel state={state} control={control} participate={participate} />
          <DecisionsPanel state={state} control={control} />
        </div>
      </div>
    </div>
  );
}
