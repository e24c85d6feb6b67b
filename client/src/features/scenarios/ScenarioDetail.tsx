import { lazy, Suspense, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { INSTRUMENT_DEFS } from '../../../../shared/scenarios/instruments.js';
import { KEY_BASIS_LABELS, type AllocationKey } from '../../../../shared/scenarios/allocation.js';
import { FINANCING_MODE_LABELS } from '../../../../shared/scenarios/types.js';
import { MANAGING_BODY_KIND_LABELS, SCENARIO_STATUS_LABELS } from '../../../../shared/scenarios/model.js';
import type { ScenarioDetailDto } from '../../../../shared/scenarios/api.js';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { QueryState } from '../../ui/QueryState';
import { Spinner } from '../../ui/Spinner';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useProjectContext } from '../projects/useProjectContext';
import { scnApi, scnKeys, scnQ } from './api';
import { KeyFigures } from './KeyFigures';
import { Violations } from './Violations';
import { AllocationTable, EquipmentTable, PostsTable, SourcesTable } from './ScenarioTables';
import { StatusBadge, fmtNum, frDate } from './format';
import { sm } from './messages';

const ScenarioCharts = lazy(async () => ({ default: (await import('./Charts')).ScenarioCharts }));

/** « Mélange pondéré : population 40 %, usage 30 %… » */
export function keyLabel(key: AllocationKey | null): string {
  if (!key) return sm.detail.noKey;
  if (key.kind !== 'mixte') return KEY_BASIS_LABELS[key.kind];
  const parts = Object.entries(key.weights).filter(([, w]) => w).map(([b, w]) => `${KEY_BASIS_LABELS[b as keyof typeof KEY_BASIS_LABELS].toLowerCase()} ${fmtNum((w ?? 0) * 100)} %`);
  return `${sm.form.keyMixte} : ${parts.join(', ')}`;
}

/** `/projets/:id/scenarios/:scenarioId`: a scenario's figures, charts, rules, organisation and history. */
export function ScenarioDetail() {
  const { project } = useProjectContext();
  const { scenarioId = '' } = useParams();
  const detail = useQuery(scnQ.detail(project.id, scenarioId));
  useDocumentTitle(detail.data?.title ?? sm.title, project.title);
  return <QueryState query={detail}>{(s) => <DetailBody scenario={s} />}</QueryState>;
}

function DetailBody({ scenario: s }: { scenario: ScenarioDetailDto }) {
  const { project } = useProjectContext();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const history = useQuery(scnQ.history(project.id, s.id));
  const base = `/projets/${project.id}/scenarios`;
  const [done, setDone] = useState('');
  const refresh = () => qc.invalidateQueries({ queryKey: scnKeys.all(project.id) });
  const status = useMutation({
    mutationFn: (to: 'brouillon' | 'presente') => scnApi.setStatus(s.id, to, s.revision),
    onSuccess: (r) => {
      setDone(`${SCENARIO_STATUS_LABELS[r.status]}.`);
      void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => scnApi.remove(s.id),
    onSuccess: () => {
      void refresh();
      navigate(base);
    },
  });
  const narrative = useMutation({
    mutationFn: () => scnApi.ensureDocument(s.id),
    onSuccess: (r) => {
      void refresh();
      if (r.documentId) navigate(`/projets/${project.id}/documents/${r.documentId}`);
    },
  });
  const decided = s.status === 'retenu' || s.status === 'ecarte';
  const f = s.figures;
  const def = INSTRUMENT_DEFS[s.instrument];

  return (
    <article className="stack scn-detail" aria-labelledby="scn-title">
      <div className="scn-detail-head">
        <div>
          <h3 id="scn-title" className="scn-title">{s.title}</h3>
          <p className="badge-list">
            <StatusBadge status={s.status} /> <span className="muted">{def.label}</span>
          </p>
        </div>
        <div className="button-row">
          {s.documentId ? (
            <Link className="btn btn-secondary" to={`/projets/${project.id}/documents/${s.documentId}`}>
              {sm.narrative}
            </Link>
          ) : s.can.write ? (
            <Button variant="secondary" busy={narrative.isPending} onClick={() => narrative.mutate()}>
              {sm.createNarrative}
            </Button>
          ) : null}
          {s.can.write && !decided ? (
            <>
              <Link className="btn btn-secondary" to={`${base}/${s.id}/modifier`}>{sm.edit}</Link>
              {s.status === 'brouillon' ? (
                <Button onClick={() => status.mutate('presente')} busy={status.isPending}>{sm.present}</Button>
              ) : (
                <Button variant="secondary" onClick={() => status.mutate('brouillon')} busy={status.isPending}>{sm.backToDraft}</Button>
              )}
              {s.status === 'brouillon' && !s.presentedAt ? (
                <Button variant="danger" busy={remove.isPending} onClick={() => window.confirm(sm.confirmDelete) && remove.mutate()}>
                  {sm.delete}
                </Button>
              ) : null}
            </>
          ) : null}
        </div>
      </div>
      <p role="status" aria-live="polite" className="visually-hidden">{done}</p>
      {status.isError ? <ErrorMessage error={status.error} /> : null}
      {remove.isError ? <ErrorMessage error={remove.error} /> : null}
      {narrative.isError ? <ErrorMessage error={narrative.error} /> : null}
      {s.summary ? <p className="lead">{s.summary}</p> : null}

      <Card as="section" aria-labelledby="scn-figures">
        <h3 id="scn-figures">{sm.form.liveFigures}</h3>
        <KeyFigures cost={f.cost} />
        <Violations violations={f.violations} />
        {f.cost?.gaps.length ? (
          <details className="disclosure">
            <summary>{sm.detail.gaps} ({f.cost.gaps.length})</summary>
            <ul>{f.cost.gaps.map((g) => <li key={g}>{g}</li>)}</ul>
          </details>
        ) : null}
      </Card>

      <Card as="section" aria-labelledby="scn-alloc">
        <h3 id="scn-alloc">{sm.detail.allocation}</h3>
        <p className="muted">{sm.detail.key} : {keyLabel(s.allocationKey)} · {sm.detail.financing} : {s.financingMode ? FINANCING_MODE_LABELS[s.financingMode] : '—'}</p>
        <AllocationTable figures={f} />
      </Card>

      <Card as="section" aria-labelledby="scn-charts">
        <h3 id="scn-charts">{sm.detail.charts}</h3>
        <Suspense fallback={<Spinner />}>
          <ScenarioCharts scenario={s} />
        </Suspense>
      </Card>

      <div className="scn-two-cols">
        <Card as="section" aria-labelledby="scn-perimeter">
          <h3 id="scn-perimeter">{sm.detail.perimeter}</h3>
          <dl className="facts scn-facts">
            <div><dt>{sm.detail.instrument}</dt><dd>{def.label} ({f.instrument.basis})</dd></div>
            <div><dt>{sm.detail.managingBody}</dt><dd>{s.managingBody.name || MANAGING_BODY_KIND_LABELS[s.managingBody.kind]}</dd></div>
            <div><dt>{sm.detail.epciParty}</dt><dd>{s.epciParty ? 'Oui' : 'Non'}</dd></div>
            <div><dt>{sm.form.perimeter}</dt><dd>{s.communes.map((c) => `${c.name}${c.member ? '' : ` (${sm.form.outside})`}`).join(', ')}</dd></div>
          </dl>
          <h4>{sm.detail.requirements}</h4>
          <ul>{f.requirements.map((r) => <li key={r}>{r}</li>)}</ul>
        </Card>
        <Card as="section" aria-labelledby="scn-equipment">
          <h3 id="scn-equipment">{sm.detail.equipment}</h3>
          <EquipmentTable scenario={s} />
        </Card>
      </div>

      <Card as="section" aria-labelledby="scn-posts">
        <h3 id="scn-posts">{sm.detail.posts}</h3>
        <PostsTable scenario={s} />
      </Card>

      <Card as="section" aria-labelledby="scn-sources">
        <h3 id="scn-sources">{sm.detail.sources}</h3>
        <SourcesTable figures={f} />
      </Card>

      <Card as="section" aria-labelledby="scn-history">
        <h3 id="scn-history">{sm.detail.history}</h3>
        <QueryState query={history}>
          {(events) => (
            <ol className="plain-list scn-history">
              {events.map((e) => (
                <li key={e.id}>
                  <strong>{SCENARIO_STATUS_LABELS[e.toStatus]}</strong> — {frDate(e.at)}, {e.by.name}
                  {e.reason ? <span className="muted"> · {e.reason}</span> : null}
                </li>
              ))}
            </ol>
          )}
        </QueryState>
      </Card>
    </article>
  );
}
