import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ARBITRATION_BODY_LABELS } from '../../../../shared/scenarios/model.js';
import type { ArbitrationDto } from '../../../../shared/scenarios/api.js';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { QueryState } from '../../ui/QueryState';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useProjectContext } from '../projects/useProjectContext';
import { scnQ } from './api';
import { ArbitrationDialog } from './ArbitrationDialog';
import { frDate } from './format';
import { sm } from './messages';

/** `/projets/:id/scenarios/arbitrage`: the decision in force, earlier ones, and the button to record one. */
export function ArbitrationsPage() {
  const { project } = useProjectContext();
  useDocumentTitle(sm.arbitration.title, project.title);
  const list = useQuery(scnQ.list(project.id));
  const arbitrations = useQuery(scnQ.arbitrations(project.id));
  const [open, setOpen] = useState(false);
  return (
    <div className="stack">
      {list.data?.can.decide ? (
        <div className="button-row">
          <Button onClick={() => setOpen(true)}>{sm.arbitration.open}</Button>
        </div>
      ) : null}
      <QueryState query={arbitrations}>
        {(all) => {
          const current = all.find((a) => !a.supersededAt);
          const past = all.filter((a) => a.supersededAt);
          return (
            <>
              {current ? <ArbitrationCard a={current} title={sm.arbitration.current} /> : <EmptyState title={sm.arbitration.none} headingLevel={3}><p>{sm.arbitration.intro}</p></EmptyState>}
              {past.length ? (
                <section aria-labelledby="arb-past" className="stack">
                  <h3 id="arb-past">{sm.arbitration.history}</h3>
                  {past.map((a) => <ArbitrationCard key={a.id} a={a} title={`${frDate(a.decisionDate)} — ${sm.arbitration.superseded}`} />)}
                </section>
              ) : null}
            </>
          );
        }}
      </QueryState>
      {open ? <ArbitrationDialog onClose={() => setOpen(false)} /> : null}
    </div>
  );
}

function ArbitrationCard({ a, title }: { a: ArbitrationDto; title: string }) {
  const { project } = useProjectContext();
  const base = `/projets/${project.id}/scenarios`;
  return (
    <Card as="section" aria-labelledby={`arb-${a.id}`}>
      <h3 id={`arb-${a.id}`}>{title}</h3>
      <dl className="facts scn-facts">
        <div><dt>{sm.arbitration.retained}</dt><dd><Link to={`${base}/${a.retainedScenario.id}`}>{a.retainedScenario.title}</Link></dd></div>
        <div><dt>{sm.arbitration.date}</dt><dd>{frDate(a.decisionDate)}</dd></div>
        <div><dt>{sm.arbitration.body}</dt><dd>{a.body === 'autre' ? a.bodyLabel : ARBITRATION_BODY_LABELS[a.body]}</dd></div>
        <div><dt>{sm.arbitration.reasons}</dt><dd className="scn-reasons">{a.reasons}</dd></div>
        <div><dt>{sm.arbitration.discarded}</dt><dd>{a.discardedScenarios.length ? a.discardedScenarios.map((s) => s.title).join(', ') : '—'}</dd></div>
        {a.rounds.length ? <div><dt>{sm.arbitration.rounds}</dt><dd>{a.rounds.map((r) => r.title ?? r.id).join(', ')}</dd></div> : null}
      </dl>
      <p className="muted">{sm.arbitration.by(a.recordedBy.name, frDate(a.recordedAt))}</p>
    </Card>
  );
}
