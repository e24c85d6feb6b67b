import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { INSTRUMENT_DEFS } from '../../../../shared/scenarios/instruments.js';
import { COMPARISON_LIMITS } from '../../../../shared/scenarios/comparison.js';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { QueryState } from '../../ui/QueryState';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useProjectContext } from '../projects/useProjectContext';
import { scnQ } from './api';
import { Delta, Euros, StatusBadge, frDate } from './format';
import { sm } from './messages';

/** `/projets/:id/scenarios`: every scenario with its key figures; tick 2 to 4 to compare them. */
export function ScenarioList() {
  const { project } = useProjectContext();
  useDocumentTitle(sm.title, project.title);
  const list = useQuery(scnQ.list(project.id));
  const navigate = useNavigate();
  const [picked, setPicked] = useState<string[]>([]);
  const base = `/projets/${project.id}/scenarios`;
  const toggle = (id: string, on: boolean) => setPicked((p) => (on ? [...p, id] : p.filter((x) => x !== id)));

  return (
    <QueryState query={list}>
      {(data) => (
        <div className="stack">
          {data.arbitration ? (
            <p className="alert alert-success">
              <strong>{sm.arbitration.retained} : {data.arbitration.retainedScenario.title}</strong> — {frDate(data.arbitration.decisionDate)}.{' '}
              <Link to={`${base}/arbitrage`}>{sm.arbitration.title}</Link>
            </p>
          ) : null}
          <div className="scn-toolbar">
            {data.can.write ? (
              <Link className="btn btn-primary" to={`${base}/nouveau`}>
                {sm.newScenario}
              </Link>
            ) : null}
            {data.scenarios.length >= 2 ? (
              <Button
                variant="secondary"
                disabled={picked.length < COMPARISON_LIMITS.min || picked.length > COMPARISON_LIMITS.max}
                onClick={() => navigate(`${base}/comparer?ids=${picked.join(',')}`)}
              >
                {sm.compareSelected(picked.length)}
              </Button>
            ) : null}
            {picked.length > COMPARISON_LIMITS.max ? <span className="field-error">{sm.tooMany}</span> : null}
          </div>
          {data.scenarios.length === 0 ? (
            <EmptyState title={sm.empty.title} headingLevel={3}>
              <p>{data.can.write ? sm.empty.text : sm.empty.readOnly}</p>
            </EmptyState>
          ) : (
            <ul className="card-grid scn-cards">
              {data.scenarios.map((s) => {
                const f = s.summaryFigures;
                return (
                  <li key={s.id} className="card scn-card" data-testid="scenario-card">
                    <div className="scn-card-head">
                      <h3>
                        <Link to={`${base}/${s.id}`}>{s.title}</Link>
                      </h3>
                      <StatusBadge status={s.status} />
                    </div>
                    <p className="muted">
                      {INSTRUMENT_DEFS[s.instrument].label} · {s.communes.map((c) => c.name).join(', ')}
                    </p>
                    <dl className="scn-card-figures">
                      <div>
                        <dt>{sm.figures.net}</dt>
                        <dd><Euros cents={f.netCents} /></dd>
                      </div>
                      <div>
                        <dt>{sm.figures.delta}</dt>
                        <dd><Delta cents={f.deltaNetCents} /></dd>
                      </div>
                      <div>
                        <dt>{sm.figures.etp}</dt>
                        <dd>{f.etp ? sm.figures.etpValue(f.etp.epci, f.etp.commune) : '—'}</dd>
                      </div>
                    </dl>
                    <p className="badge-list">
                      {f.blocking ? <Badge tone="danger">{sm.nonConforme}</Badge> : <Badge tone="success">{sm.conforme}</Badge>}
                      {f.warnings ? <Badge tone="warning">{sm.warningsCount(f.warnings)}</Badge> : null}
                    </p>
                    {data.scenarios.length >= 2 ? (
                      <label className="checkbox-line">
                        <input type="checkbox" checked={picked.includes(s.id)} onChange={(e) => toggle(s.id, e.target.checked)} />
                        {sm.compare}
                        <span className="visually-hidden"> « {s.title} »</span>
                      </label>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
    </QueryState>
  );
}
