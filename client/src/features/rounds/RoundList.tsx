import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { RoundSummaryDto } from '../../../../shared/rounds/api.js';
import { formatDateTime } from '../../i18n/format';
import { EmptyState } from '../../ui/EmptyState';
import { QueryState } from '../../ui/QueryState';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useMe } from '../../app/session';
import { can, useProjectContext } from '../projects/useProjectContext';
import { roundQ } from './api';
import { rm } from './messages';
import { RoundStatusBadge } from './RoundStatusBadge';

/** The « Tours de table » tab: every round with its status, dates and answers, and the way to prepare one. */
export function RoundList() {
  const { project } = useProjectContext();
  const list = useQuery(roundQ.list(project.id));
  useDocumentTitle(rm.title, project.title);
  const canManage = can(project, 'round.manage');
  const me = useMe();
  // A hint for the link's wording only: the server decides who writes which programme.
  const ownCommune = !!me.communeId && project.participations.some((p) => p.communeId === me.communeId);

  return (
    <div className="rounds">
      <div className="rounds-head">
        <h2>{rm.title}</h2>
        <div className="rounds-head-actions">
          <Link className="btn btn-secondary" to="programmes">
            {ownCommune && !canManage ? rm.programmeLink : rm.programmesLink}
          </Link>
          {canManage ? (
            <Link className="btn btn-primary" to="nouveau">
              {rm.newRound}
            </Link>
          ) : null}
        </div>
      </div>
      <p className="muted rounds-intro">{rm.intro}</p>
      <QueryState query={list}>
        {(rounds) =>
          rounds.length === 0 ? (
            <EmptyState title={rm.emptyTitle} headingLevel={3}>
              <p>{canManage ? rm.emptyManage : rm.emptyRead}</p>
            </EmptyState>
          ) : (
            <ul className="rounds-list" aria-label={rm.listLabel}>
              {rounds.map((r) => (
                <RoundItem key={r.id} round={r} />
              ))}
            </ul>
          )
        }
      </QueryState>
    </div>
  );
}

function RoundItem({ round }: { round: RoundSummaryDto }) {
  const percent = round.invitedCount ? Math.round((round.answeredCount / round.invitedCount) * 100) : 0;
  return (
    <li className="rounds-item">
      <div className="rounds-item-main">
        <Link to={round.id} className="rounds-item-title">
          {round.title}
        </Link>
        <RoundStatusBadge status={round.effectiveStatus} />
      </div>
      <p className="rounds-item-question">{round.question}</p>
      <dl className="rounds-item-meta">
        <div>
          <dt>{rm.opens}</dt>
          <dd>{formatDateTime(round.opensAt)}</dd>
        </div>
        <div>
          <dt>{round.effectiveStatus === 'clos' && round.closedAt ? rm.closed : rm.closes}</dt>
          <dd>{formatDateTime(round.effectiveStatus === 'clos' && round.closedAt ? round.closedAt : round.closesAt)}</dd>
        </div>
        <div>
          <dt className="visually-hidden">{rm.board.title}</dt>
          <dd>
            <span className="rounds-progress" aria-hidden="true">
              <span style={{ width: `${percent}%` }} />
            </span>
            {rm.answered(round.answeredCount, round.invitedCount)}
          </dd>
        </div>
      </dl>
    </li>
  );
}
