import type { Indicators } from '../../../../shared/diagnostic/indicators.js';
import { INDICATOR_DEFS, INDICATOR_RULES } from '../../../../shared/diagnostic/indicator-defs.js';
import { USAGE_UNITS } from '../../../../shared/diagnostic/vocab.js';
import { IndicatorValue, formatEuros, formatNumber } from './display';
import { dm } from './messages';

const GROUPS: { title: string; keys: (keyof Indicators)[] }[] = [
  { title: dm.totals.staff, keys: ['agentCount', 'etp', 'etpPer1000', 'staffCostCents'] },
  { title: dm.totals.money, keys: ['operatingCents', 'revenueCents', 'netCostCents', 'costPerInhabitantCents', 'netCostPerInhabitantCents'] },
  { title: dm.totals.equipment, keys: ['equipmentCount', 'equipmentCapacity', 'capacityPer1000', 'averageOccupancyPct', 'placesPer100Under3'] },
  { title: dm.totals.investment, keys: ['investmentCents', 'yearlyGainCents', 'roiPct', 'paybackYears'] },
];
const PRECISE = new Set<keyof Indicators>(['costPerInhabitantCents', 'netCostPerInhabitantCents']);
const GAP_OF: Partial<Record<keyof Indicators, keyof Indicators['gaps']>> = { etp: 'etp', staffCostCents: 'staffCost', operatingCents: 'operating', revenueCents: 'revenue', equipmentCapacity: 'capacity', averageOccupancyPct: 'occupancy' };

/**
 * Key figures of a scope (the whole perimeter, or one commune), grouped, with the number of incomplete records next
 * to a partial total, and every formula one click away.
 */
export function IndicatorCards({ indicators, headingLevel = 3 }: { indicators: Indicators; headingLevel?: 3 | 4 }) {
  const H = `h${headingLevel}` as 'h3';
  return (
    <>
      <div className="diag-kpi-groups">
        {GROUPS.map((g) => (
          <section key={g.title} className="diag-kpi-group" aria-label={g.title}>
            <H className="diag-kpi-group-title">{g.title}</H>
            <dl className="diag-kpis">
              {g.keys.map((key) => {
                const def = INDICATOR_DEFS.find((d) => d.key === key)!;
                const gap = GAP_OF[key] ? indicators.gaps[GAP_OF[key]!] : undefined;
                return (
                  <div key={key} className="diag-kpi" data-indicator={key}>
                    <dt title={def.formula}>{def.label}</dt>
                    <dd>
                      <span className="diag-kpi-value">
                        <IndicatorValue value={indicators[key] as number | null} unit={def.unit} precise={PRECISE.has(key)} />
                      </span>
                      {gap ? <span className="diag-kpi-gap">{dm.partial(gap)}</span> : null}
                    </dd>
                  </div>
                );
              })}
            </dl>
          </section>
        ))}
      </div>
      {indicators.costPerUnit.length ? (
        <p className="diag-cost-units">
          <strong>{dm.totals.costPerUnit} : </strong>
          {indicators.costPerUnit.map((c) => `${USAGE_UNITS[c.unit]} ${formatEuros(c.costPerUnitCents, true)} (${formatNumber(c.units, 0)} unités)`).join(' ; ')}
        </p>
      ) : null}
    </>
  );
}

/** Every formula and the rules on missing data (the UI help the indicators promise). */
export function IndicatorHelp() {
  return (
    <details className="disclosure diag-help">
      <summary>{dm.totals.rules}</summary>
      <ul>
        {INDICATOR_RULES.map((r) => (
          <li key={r}>{r}</li>
        ))}
        <li>{dm.totals.roiHelp}</li>
      </ul>
      <dl className="diag-formulas">
        {INDICATOR_DEFS.map((d) => (
          <div key={d.key}>
            <dt>{d.label}</dt>
            <dd>{d.formula}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
