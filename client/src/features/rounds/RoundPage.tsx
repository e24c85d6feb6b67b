import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { RoundDetailDto } from '../../../../shared/rounds/api.js';
import { formatDateTime } from '../../i18n/format';
import { Button } from '../../ui/Button';
import { ErrorMessage, SuccessMessage } from '../../ui/ErrorMessage';
import { QueryState } from '../../ui/QueryState';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useProjectContext } from '../projects/useProjectContext';
import { roundQ, useRoundMutations } from './api';
import { rm } from './messages';
import { RoundStatusBadge } from './RoundStatusBadge';
import { PositionForm } from './PositionForm';
import { TrackingBoard } from './TrackingBoard';
import { PositionsList } from './PositionsList';
import { SynthesisPanel } from './SynthesisPanel';
import { RoundComments } from './RoundComments';
import { ExtendForm } from './ExtendForm';

/** `/projets/:projectId/tours-de-table/:roundId`: one round, for every reader; controls appear for those allowed. */
export function RoundPage() {
  const { project } = useProjectContext();
  const { roundId = '' } = useParams();
  const round = useQuery(roundQ.detail(project.id, roundId));
  useDocumentTitle(round.data?.title, rm.title, project.title);
  return (
    <div className="rounds">
      <p>
        <Link to="..">{rm.back}</Link>
      </p>
      <QueryState query={round} loadingLabel={rm.loading}>
        {(r) => <RoundView round={r} />}
      </QueryState>
    </div>
  );
}

function RoundView({ round }: { round: RoundDetailDto }) {
  const status = round.effectiveStatus;
  const notYet = status === 'ouvert' && new Date(round.opensAt).getTime() > Date.now();
  return (
    <>
      <div className="rounds-page-head">
        <h2>{round.title}</h2>
        <RoundStatusBadge status={status} />
      </div>
      <section className="rounds-card" aria-labelledby="round-question">
        <h3 id="round-question">{rm.page.question}</h3>
        <p className="rounds-question">{round.question}</p>
        <dl className="rounds-item-meta">
          <div>
            <dt>{rm.opens}</dt>
            <dd>{formatDateTime(round.openedAt && round.openedAt > round.opensAt ? round.openedAt : round.opensAt)}</dd>
          </div>
          <div>
            <dt>{status === 'clos' && round.closedAt ? rm.closed : rm.closes}</dt>
            <dd>{formatDateTime(status === 'clos' && round.closedAt ? round.closedAt : round.closesAt)}</dd>
          </div>
          <div>
            <dt>{rm.page.invited}</dt>
            <dd>{round.invitedCommunes.map((c) => c.name).join(', ')}</dd>
          </div>
        </dl>
        <p className="muted">{round.partnersMayComment ? rm.page.partnersYes : rm.page.partnersNo}</p>
        {notYet ? <p className="rounds-notice">{rm.page.notOpenYet(formatDateTime(round.opensAt))}</p> : null}
        {status === 'clos' ? <p className="rounds-notice">{rm.page.closedNotice}</p> : null}
        <FrozenTexts round={round} />
      </section>
      {round.me.canManage && round.status !== 'clos' ? <ManagePanel round={round} /> : null}
      {round.me.positionCommuneId && status === 'ouvert' && !notYet ? <PositionForm round={round} communeId={round.me.positionCommuneId} /> : null}
      {status !== 'brouillon' ? <TrackingBoard round={round} /> : null}
      {status !== 'brouillon' ? <PositionsList round={round} /> : null}
      {status !== 'brouillon' ? <SynthesisPanel round={round} /> : null}
      {status !== 'brouillon' ? <RoundComments round={round} /> : null}
    </>
  );
}

/** The texts every commune answers on: the named versions frozen at opening (or, in a draft, what will be). */
function FrozenTexts({ round }: { round: RoundDetailDto }) {
  const { project } = useProjectContext();
  const base = `/projets/${encodeURIComponent(project.id)}`;
  if (round.status === 'brouillon') {
    return (
      <>
        <h3>{rm.page.frozen}</h3>
        <p className="muted">{rm.page.frozenPending}</p>
        <ul>
          {round.documents.map((d) => (
            <li key={d.id}>
              <Link to={`${base}/documents/${encodeURIComponent(d.id)}`}>{d.title}</Link>
            </li>
          ))}
          {round.scenarioIds.length ? <li>{rm.page.scenarioSnapshot}</li> : null}
        </ul>
      </>
    );
  }
  return (
    <>
      <h3>{rm.page.frozen}</h3>
      <p className="muted">{rm.page.frozenHint}</p>
      <ul className="rounds-frozen">
        {round.frozenVersions.map((v) => (
          <li key={v.versionId}>
            <Link to={`versions/${encodeURIComponent(v.documentId)}/${encodeURIComponent(v.versionId)}`}>{rm.page.readVersion(v.title)}</Link>{' '}
            <span className="muted">
              ({v.label}) — <Link to={`${base}/documents/${encodeURIComponent(v.documentId)}`}>{rm.page.openLive}</Link>
            </span>
          </li>
        ))}
        {round.scenarioSnapshot ? <li>{rm.page.scenarioSnapshot}</li> : null}
      </ul>
    </>
  );
}

/** The facilitator's controls: open a draft (or delete it), remind the silent communes, prolong, close. */
function ManagePanel({ round }: { round: RoundDetailDto }) {
  const { project } = useProjectContext();
  const navigate = useNavigate();
  const { open, close, remind, remove } = useRoundMutations(project.id);
  const [notice, setNotice] = useState<string | null>(null);
  const status = round.effectiveStatus;
  const error = open.error ?? close.error ?? remind.error ?? remove.error;
  return (
    <section className="rounds-card rounds-manage" aria-labelledby="round-manage">
      <h3 id="round-manage">{rm.page.manage}</h3>
      <div className="rounds-manage-actions">
        {status === 'brouillon' ? (
          <>
            <Button busy={open.isPending} busyLabel={rm.form.opening} onClick={() => window.confirm(rm.page.openConfirm) && open.mutate(round.id)}>
              {rm.page.open}
            </Button>
            <Button
              variant="danger"
              busy={remove.isPending}
              onClick={() => window.confirm(rm.page.deleteConfirm) && remove.mutate(round.id, { onSuccess: () => navigate('..') })}
            >
              {rm.page.delete}
            </Button>
          </>
        ) : null}
        {round.status === 'ouvert' ? (
          <>
            {status === 'ouvert' ? (
              <Button variant="secondary" busy={remind.isPending} onClick={() => remind.mutate(round.id, { onSuccess: (r) => setNotice(rm.page.reminded(r.communeIds.length)) })}>
                {rm.page.remind}
              </Button>
            ) : null}
            <Button busy={close.isPending} onClick={() => window.confirm(rm.page.closeConfirm) && close.mutate(round.id)}>
              {rm.page.close}
            </Button>
          </>
        ) : null}
      </div>
      {status === 'ouvert' ? <ExtendForm round={round} onDone={setNotice} /> : null}
      {notice ? <SuccessMessage>{notice}</SuccessMessage> : null}
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
