import { lazy, Suspense, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { comparisonSections, formatCell } from '../../../../shared/scenarios/comparison-table.js';
import { COMPARISON_LIMITS } from '../../../../shared/scenarios/comparison.js';
import type { ScenarioComparisonDto } from '../../../../shared/scenarios/api.js';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { QueryState } from '../../ui/QueryState';
import { Spinner } from '../../ui/Spinner';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useProjectContext } from '../projects/useProjectContext';
import { scnApi, scnQ } from './api';
import { ArbitrationDialog } from './ArbitrationDialog';
import { sm } from './messages';

const ComparisonCharts = lazy(async () => ({ default: (await import('./Charts')).ComparisonCharts }));

/** `/projets/:id/scenarios/comparer?ids=a,b`: 2 to 4 scenarios side by side, charts, downloads, arbitration. */
export function ComparisonPage() {
  const { project } = useProjectContext();
  useDocumentTitle(sm.compareTitle, project.title);
  const [params, setParams] = useSearchParams();
  const ids = (params.get('ids') ?? '').split(',').filter(Boolean);
  const list = useQuery(scnQ.list(project.id));
  const comparison = useQuery(scnQ.compare(project.id, ids));
  const toggle = (id: string, on: boolean) => {
    const next = on ? [...ids, id] : ids.filter((x) => x !== id);
    setParams(next.length ? { ids: next.join(',') } : {}, { replace: true });
  };
  return (
    <div className="stack">
      <Card as="section" aria-labelledby="cmp-pick">
        <h3 id="cmp-pick">{sm.compareTitle}</h3>
        <p className="muted">{sm.compareIntro}</p>
        <QueryState query={list}>
          {(data) => (
            <ul className="plain-list scn-pick">
              {data.scenarios.map((s) => (
                <li key={s.id}>
                  <label className="checkbox-line">
                    <input type="checkbox" checked={ids.includes(s.id)} disabled={!ids.includes(s.id) && ids.length >= COMPARISON_LIMITS.max} onChange={(e) => toggle(s.id, e.target.checked)} />
                    {s.title}
                  </label>
                </li>
              ))}
            </ul>
          )}
        </QueryState>
      </Card>
      {ids.length < COMPARISON_LIMITS.min ? (
        <EmptyState title={sm.compareNeedTwo} headingLevel={3} />
      ) : (
        <QueryState query={comparison}>{(c) => <ComparisonBody comparison={c} ids={ids} canDecide={!!list.data?.can.decide} />}</QueryState>
      )}
    </div>
  );
}

function ComparisonBody({ comparison: c, ids, canDecide }: { comparison: ScenarioComparisonDto; ids: string[]; canDecide: boolean }) {
  const { project } = useProjectContext();
  const [arbitrating, setArbitrating] = useState(false);
  const base = `/projets/${project.id}/scenarios`;
  return (
    <>
      <div className="button-row">
        <a className="btn btn-secondary" href={scnApi.exportUrl(project.id, ids, 'xlsx')} download>{sm.download.xlsx}</a>
        <a className="btn btn-secondary" href={scnApi.exportUrl(project.id, ids, 'pdf')} download>{sm.download.pdf}</a>
        {canDecide ? <Button onClick={() => setArbitrating(true)}>{sm.arbitration.open}</Button> : null}
      </div>
      <Card as="section" aria-labelledby="cmp-table-title">
        <h3 id="cmp-table-title">{sm.compareTitle}</h3>
        <div className="table-wrap">
          <table className="table table-compact scn-compare" data-testid="comparison-table">
            <caption className="visually-hidden">{sm.compareTitle}</caption>
            <thead>
              <tr>
                <td />
                {c.scenarios.map((s) => (
                  <th scope="col" key={s.id}>
                    <Link to={`${base}/${s.id}`}>{s.label}</Link>
                    {c.cheapestId === s.id ? <> <Badge tone="success">{sm.cheapest}</Badge></> : null}
                  </th>
                ))}
              </tr>
            </thead>
            {comparisonSections(c).map((section) => (
              <tbody key={section.title}>
                <tr className="scn-group-row">
                  <th scope="rowgroup" colSpan={c.scenarios.length + 1}>{section.title}</th>
                </tr>
                {section.lines.map((l) => (
                  <tr key={l.label}>
                    <th scope="row">{l.label}</th>
                    {l.values.map((v, i) => (
                      <td key={c.scenarios[i].id} className={l.unit === 'text' ? undefined : 'num'}>{formatCell(v, l.unit)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </div>
      </Card>
      {c.warnings.length ? (
        <div className="alert scn-alert-warning">
          <p className="alert-title">{sm.warnings}</p>
          <ul>{c.warnings.map((w) => <li key={`${w.scenarioId}-${w.code}`}>{w.message}</li>)}</ul>
        </div>
      ) : null}
      <Card as="section" aria-labelledby="cmp-charts">
        <h3 id="cmp-charts">{sm.detail.charts}</h3>
        <Suspense fallback={<Spinner />}>
          <ComparisonCharts comparison={c} />
        </Suspense>
      </Card>
      {arbitrating ? <ArbitrationDialog candidateIds={ids} onClose={() => setArbitrating(false)} /> : null}
    </>
  );
}
