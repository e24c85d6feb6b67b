import { lazy, Suspense } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { ROLE_LABELS } from '../../../../shared/auth/roles.js';
import { SEANCE_BODY_LABELS } from '../../../../shared/workshops/bodies.js';
import { POLL_SCOPE_LABELS } from '../../../../shared/workshops/polls.js';
import type { SeanceSummaryDto } from '../../../../shared/workshops/types.js';
import { Card } from '../../ui/Card';
import { QueryState } from '../../ui/QueryState';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useProjectContext } from '../projects/useProjectContext';
import { seanceFiles, wsQ } from './api';
import { seanceDate } from './format';
import { wm } from './messages';
import { useSeanceLive } from './useSeanceLive';

const PollChart = lazy(async () => ({ default: (await import('./PollChart')).PollChart }));
const optionLabel = (o: string | number) => ({ pour: 'Pour', contre: 'Contre', abstention: 'Abstention' })[o as string] ?? String(o);

/** `/projets/:projectId/seances/:seanceId/synthese`: the record of the séance, with its DOCX/PDF exports. */
export function SeanceSummaryPage() {
  const { project } = useProjectContext();
  const { seanceId = '' } = useParams();
  useSeanceLive(project.id);
  const summary = useQuery(wsQ.summary(seanceId));
  return <QueryState query={summary}>{(s) => <Summary summary={s} />}</QueryState>;
}

function Summary({ summary }: { summary: SeanceSummaryDto }) {
  const { project } = useProjectContext();
  const s = summary.seance;
  useDocumentTitle(wm.summaryTitle(s.title), project.title);
  const base = `/projets/${encodeURIComponent(project.id)}/seances/${encodeURIComponent(s.id)}`;
  const files = seanceFiles(s.id);
  const list = (items: { id: string; text: string; itemTitle: string | null }[], none: string) =>
    items.length ? (
      <ul>
        {items.map((d) => (
          <li key={d.id}>
            {d.itemTitle ? <span className="muted">{d.itemTitle} : </span> : null}
            {d.text}
          </li>
        ))}
      </ul>
    ) : (
      <p className="muted">{none}</p>
    );

  return (
    <div className="seance-summary stack" data-testid="seance-summary">
      <p className="doc-back">
        <Link to={base}>← {wm.backToRoom}</Link>
      </p>
      <h2>{wm.summaryTitle(s.title)}</h2>
      <p className="seance-room-meta">
        {SEANCE_BODY_LABELS[s.body]} · {seanceDate(s.startedAt ?? s.startsAt)}
        {s.location ? ` · ${s.location}` : ''} · {wm.status[s.status]}
      </p>
      <p>
        <span className="muted">{wm.exportSummary} :</span> <a href={files.summary('docx')}>{wm.docx}</a> · <a href={files.summary('pdf')}>{wm.pdf}</a>
        {s.compteRenduId ? (
          <>
            {' · '}
            <Link to={`/projets/${encodeURIComponent(project.id)}/documents/${encodeURIComponent(s.compteRenduId)}`}>{wm.minutesLink}</Link>
          </>
        ) : null}
      </p>
      {s.status === 'planifiee' ? <p className="alert">{wm.notYet}</p> : null}
      <div className="seance-summary-grid">
        <Card as="section" aria-labelledby="sum-attendance">
          <h3 id="sum-attendance">{wm.attendanceByCommune}</h3>
          {summary.quorum ? <p>{(summary.quorum.reached ? wm.quorumReached : wm.quorumMissing)(summary.quorum.represented, summary.quorum.required)}</p> : null}
          {summary.attendance.length ? (
            <table className="table table-compact">
              <caption className="visually-hidden">{wm.attendanceByCommune}</caption>
              <thead>
                <tr>
                  <th scope="col">Commune</th>
                  <th scope="col">Présent·e·s</th>
                </tr>
              </thead>
              <tbody>
                {summary.attendance.map((g) => (
                  <tr key={g.communeId ?? 'none'}>
                    <th scope="row">{g.communeName}</th>
                    <td>{g.people.map((p) => `${p.name} (${ROLE_LABELS[p.role]}, ${wm.source[p.source]})`).join(' ; ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted">{wm.nobody}</p>
          )}
        </Card>
        <Card as="section" aria-labelledby="sum-decisions">
          <h3 id="sum-decisions">{wm.decisions}</h3>
          {list(summary.decisions, wm.noneDecisions)}
          <h3>{wm.openQuestions}</h3>
          {list(summary.openQuestions, wm.noneQuestions)}
        </Card>
        <Card as="section" aria-labelledby="sum-speaking">
          <h3 id="sum-speaking">{wm.speakingByCommune}</h3>
          {summary.speakingByCommune.length ? (
            <>
              <div aria-hidden="true">
                <Suspense fallback={null}>
                  <PollChart rows={summary.speakingByCommune.map((c) => ({ label: c.communeName, count: c.minutes }))} />
                </Suspense>
              </div>
              <ul className="plain-list">
                {summary.speakingByCommune.map((c) => (
                  <li key={c.communeId ?? 'none'}>
                    {c.communeName} : {wm.minutes(c.minutes)}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="muted">{wm.noneSpeakingCommune}</p>
          )}
          <h3>{wm.speakingByPerson}</h3>
          {summary.speakingByPerson.length ? (
            <ul className="plain-list">
              {summary.speakingByPerson.map((p) => (
                <li key={p.personId}>
                  {p.name} : {wm.minutes(p.minutes)}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{wm.noneSpeaking}</p>
          )}
        </Card>
        <Card as="section" aria-labelledby="sum-polls">
          <h3 id="sum-polls">{wm.polls}</h3>
          {summary.polls.length === 0 ? <p className="muted">{wm.nonePolls}</p> : null}
          {summary.polls.map((p) => (
            <div key={p.id} className="seance-poll">
              <h4>{p.question}</h4>
              <p className="muted">
                {POLL_SCOPE_LABELS[p.scope].label} · {wm.ballots(p.results.ballots)}
                {p.results.mean !== null ? ` · ${wm.mean(p.results.mean.toLocaleString('fr-FR'))}` : ''}
                {p.status === 'ouvert' ? ` · ${wm.openStatus}` : ''}
              </p>
              <ul className="plain-list">
                {p.results.counts.map((c) => (
                  <li key={String(c.option)}>
                    {optionLabel(c.option)} : {c.count}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </Card>
        <Card as="section" aria-labelledby="sum-amendments">
          <h3 id="sum-amendments">{wm.amendments}</h3>
          {summary.amendments.length ? (
            <ul>
              {summary.amendments.map((a) => (
                <li key={a.amendmentId}>
                  <strong>{a.documentTitle}</strong> : « {a.originalText} » → « {a.newText} » <span className="muted">({a.proposedBy.name})</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{wm.noneAmendments}</p>
          )}
        </Card>
        <Card as="section" aria-labelledby="sum-agenda">
          <h3 id="sum-agenda">{wm.agendaRecap}</h3>
          <table className="table table-compact">
            <caption className="visually-hidden">{wm.agendaRecap}</caption>
            <thead>
              <tr>
                <th scope="col">{wm.itemTitle}</th>
                <th scope="col" className="num">Prévu</th>
                <th scope="col" className="num">Passé</th>
              </tr>
            </thead>
            <tbody>
              {summary.agenda.map((i) => (
                <tr key={i.id}>
                  <th scope="row">{i.title}</th>
                  <td className="num">{wm.minutes(i.plannedMinutes)}</td>
                  <td className="num">{wm.minutes(i.spentMinutes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      </div>
    </div>
  );
}
