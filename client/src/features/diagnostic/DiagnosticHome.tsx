import { lazy, Suspense } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Card } from '../../ui/Card';
import { QueryState } from '../../ui/QueryState';
import { diagQ } from './api';
import { useDiagnostic } from './EditorContext';
import { CompletenessBoard } from './CompletenessBoard';
import { IndicatorCards, IndicatorHelp } from './EpciTotals';
import { OverlapMatrix } from './OverlapMatrix';
import { CommuneIndicatorsTable } from './CommuneIndicatorsTable';
import { MissionsEditor } from './MissionsEditor';
import { FlowsTable } from './FlowsTable';
import { dm } from './messages';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { Spinner } from '../../ui/Spinner';

// The chart library is the heaviest part of the diagnostic: loaded only with the synthesis.
const DiagnosticCharts = lazy(async () => ({ default: (await import('./Charts')).DiagnosticCharts }));

/** `/projets/:id/diagnostic`: totals of the perimeter, completeness board, comparisons, overlap matrix. */
export function DiagnosticHome() {
  const { projectId, projectTitle, overview } = useDiagnostic();
  useDocumentTitle(dm.title, projectTitle);
  const indicators = useQuery(diagQ.indicators(projectId));
  const overlap = useQuery(diagQ.overlap(projectId));
  return (
    <div className="stack">
      <Card as="section" aria-labelledby="diag-totals">
        <h3 id="diag-totals">{dm.totals.title}</h3>
        <QueryState query={indicators}>
          {(data) => (
            <>
              <p className="muted">{dm.totals.coverage(data.epci.coverage.spending, data.epci.coverage.communes)}</p>
              <IndicatorCards indicators={data.epci} headingLevel={4} />
              <IndicatorHelp />
            </>
          )}
        </QueryState>
      </Card>
      <Card as="section" aria-labelledby="diag-board">
        <h3 id="diag-board">{dm.board.title}</h3>
        <CompletenessBoard />
      </Card>
      <Card as="section" aria-labelledby="diag-charts">
        <h3 id="diag-charts">{dm.charts.title}</h3>
        <QueryState query={indicators}>
          {(data) => (
            <Suspense fallback={<Spinner />}>
              <DiagnosticCharts indicators={data} />
            </Suspense>
          )}
        </QueryState>
      </Card>
      <Card as="section" aria-labelledby="diag-overlap">
        <h3 id="diag-overlap">{dm.overlap.title}</h3>
        <QueryState query={overlap}>{(rows) => <OverlapMatrix rows={rows} />}</QueryState>
        {overview.can.manageMissions ? <MissionsEditor /> : null}
      </Card>
      <Card as="section" aria-labelledby="diag-flows">
        <h3 id="diag-flows">{dm.flows.title}</h3>
        <QueryState query={indicators}>{(data) => <FlowsTable flows={data.flows} />}</QueryState>
      </Card>
      <Card as="section" aria-labelledby="diag-indicators">
        <h3 id="diag-indicators">Indicateurs par commune</h3>
        <QueryState query={indicators}>{(data) => <CommuneIndicatorsTable indicators={data} />}</QueryState>
      </Card>
    </div>
  );
}
