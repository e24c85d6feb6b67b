import type { CostModel } from '../../../../shared/scenarios/cost-model.js';
import { Delta, Euros, fmtNum } from './format';
import { sm } from './messages';

/** The headline figures of a scenario: projected yearly and net cost, today's net cost, delta, per inhabitant, ETP. */
export function KeyFigures({ cost }: { cost: CostModel | null }) {
  if (!cost) return null;
  const p = cost.projected;
  return (
    <dl className="stat-grid scn-stats">
      <div className="stat">
        <dt>{sm.figures.net}</dt>
        <dd><Euros cents={p.netCents} /></dd>
      </div>
      <div className="stat">
        <dt>{sm.figures.current}</dt>
        <dd><Euros cents={cost.current.netCents} /></dd>
      </div>
      <div className="stat">
        <dt>{sm.figures.delta}</dt>
        <dd><Delta cents={cost.deltaNetCents} /></dd>
      </div>
      <div className="stat">
        <dt>{sm.figures.perInhabitant}</dt>
        <dd><Euros cents={p.netPerInhabitantCents} precise /></dd>
      </div>
      <div className="stat">
        <dt>{sm.figures.yearly}</dt>
        <dd><Euros cents={p.yearlyCostCents} /></dd>
      </div>
      <div className="stat">
        <dt>{sm.figures.revenues}</dt>
        <dd><Euros cents={p.revenueCents} /></dd>
      </div>
      <div className="stat">
        <dt>{sm.figures.etp}</dt>
        <dd>{sm.figures.etpValue(p.etp.epci, p.etp.commune)}</dd>
      </div>
      <div className="stat">
        <dt>{sm.figures.population}</dt>
        <dd>{cost.population === null ? '—' : fmtNum(cost.population)}</dd>
      </div>
    </dl>
  );
}
