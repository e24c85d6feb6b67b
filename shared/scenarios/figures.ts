/**
 * The figures of one scenario from its content and the diagnostic: legal check, organisation rules, cost model and
 * allocation, with every input figure traced to its source. Pure, so the form shows the same numbers live as the
 * server stores, exports and freezes.
 *
 * How the diagnostic feeds the model (overrides entered on the scenario win, and say where they come from):
 * - current spending of a commune = Σ operating budgets of its services; revenues = Σ CAF + other revenues; a
 *   commune without any service recorded has unknown (not zero) spending;
 * - historical cost (allocation key) = current spending − current revenues;
 * - usage units of a commune = units used by its residents in the services of the perimeter's communes, in the
 *   scenario's usage unit (every unit when none is chosen); unknown when no usage of those services is recorded,
 *   0 for a commune whose residents do not appear;
 * - AC and operating revenue from the diagnostic's finances; population from the official data.
 * The allocation splits the projected net cost (yearly cost − expected revenues).
 */
import { allocate, type AllocationCommune } from './allocation.js';
import { costModel } from './cost-model.js';
import { INSTRUMENT_DEFS, checkScenario } from './instruments.js';
import { checkOrganisation, instrumentRequirements } from './rules.js';
import type { FigureSource, ResolvedCommuneDto, ScenarioFiguresDto, ScenarioInputsDto } from './api.js';
import type { OverrideField, ScenarioContent } from './model.js';
import { citeRefs, error, warning, type Violation } from './types.js';

type Resolved = ResolvedCommuneDto;
type N = number | null;

/** Sum of the values, or null when there is none. */
const sumOrNull = (xs: readonly N[]): N => (xs.some((x) => x !== null) ? xs.reduce<number>((a, x) => a + (x ?? 0), 0) : null);

/** Usage units by commune of residence, counted in the services of the perimeter's communes. */
function usageByResidence(content: ScenarioContent, inputs: ScenarioInputsDto): Map<string, number> | null {
  const perimeter = new Set(content.communes.map((c) => c.communeId));
  const flows = inputs.usages.filter((u) => perimeter.has(u.serviceCommuneId) && (content.usageUnit === null || u.unit === content.usageUnit));
  if (flows.length === 0) return null;
  const out = new Map<string, number>();
  for (const f of flows) out.set(f.residence, (out.get(f.residence) ?? 0) + f.units);
  return out;
}

/** Each commune of the perimeter with the figures used, overrides applied. */
export function resolveCommunes(content: ScenarioContent, inputs: ScenarioInputsDto): Resolved[] {
  const byId = new Map(inputs.communes.map((c) => [c.id, c]));
  const usage = usageByResidence(content, inputs);
  return content.communes.map((sc) => {
    const c = byId.get(sc.communeId);
    const sources = {} as Resolved['sources'];
    const overrideSources: Resolved['overrideSources'] = {};
    const pick = (field: OverrideField, fromDiagnostic: N): N => {
      const o = sc.overrides[field];
      if (o) {
        sources[field] = 'saisie';
        overrideSources[field] = o.source;
        return o.value;
      }
      sources[field] = fromDiagnostic === null ? 'manquant' : 'diagnostic';
      return fromDiagnostic;
    };
    const operating = pick('currentOperatingCents', c?.currentOperatingCents ?? null);
    const revenue = pick('currentRevenueCents', c?.currentRevenueCents ?? null);
    const derivedHistorical = operating === null || revenue === null ? null : operating - revenue;
    const historical = pick('historicalCostCents', derivedHistorical);
    if (!sc.overrides.historicalCostCents && derivedHistorical !== null && (sources.currentOperatingCents === 'saisie' || sources.currentRevenueCents === 'saisie')) {
      sources.historicalCostCents = 'saisie'; // derived from a figure entered by hand
    }
    return {
      communeId: sc.communeId,
      insee: c?.insee ?? sc.communeId,
      name: c?.name ?? sc.communeId,
      population: pick('population', c?.population ?? null),
      currentOperatingCents: operating,
      currentRevenueCents: revenue,
      historicalCostCents: historical,
      usageUnits: pick('usageUnits', usage === null ? null : (usage.get(sc.communeId) ?? 0)),
      acCents: pick('acCents', c?.acCents ?? null),
      operatingRevenueCents: pick('operatingRevenueCents', c?.operatingRevenueCents ?? null),
      sources,
      overrideSources,
    };
  });
}

/** Keeps the first of identical violations (two checks may see the same fault, e.g. the AC deduction under FA). */
function dedupe(violations: Violation[]): Violation[] {
  const seen = new Set<string>();
  return violations.filter((v) => {
    const k = `${v.code}|${v.field}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The legal and organisational violations only (what the API refuses to store when one is blocking). */
export function ruleViolations(content: ScenarioContent, inputs: ScenarioInputsDto): Violation[] {
  const byId = new Map(inputs.communes.map((c) => [c.id, c]));
  const out: Violation[] = [];
  content.communes.forEach((sc, i) => {
    if (!byId.has(sc.communeId)) out.push(error('commune_not_in_project', `communes[${i}]`, 'Cette commune ne fait pas partie du projet (ou s’en est retirée).'));
  });
  out.push(
    ...checkScenario({
      instrument: content.instrument,
      structure: { kind: 'epci_fp', fiscalRegime: inputs.epci.fiscalRegime, name: inputs.epci.name },
      structureIsParty: content.epciParty,
      communes: content.communes.map((sc) => {
        const c = byId.get(sc.communeId);
        return { insee: c?.insee ?? sc.communeId, name: c?.name ?? sc.communeId, member: c?.member ?? false };
      }),
      otherParties: content.otherParties,
      financingMode: content.financingMode,
      prestationSharePct: content.prestationSharePct,
    }),
  );
  out.push(...checkOrganisation(content));
  return dedupe(out);
}

/** Everything the scenario page, the comparison, the exports and the snapshots show about one scenario. */
export function computeScenarioFigures(content: ScenarioContent, inputs: ScenarioInputsDto): ScenarioFiguresDto {
  const violations = ruleViolations(content, inputs);
  const communes = resolveCommunes(content, inputs);
  const inseeOf = new Map(inputs.communes.map((c) => [c.id, c.insee]));
  const equipmentById = new Map(inputs.equipment.map((e) => [e.id, e]));

  const cost = costModel({
    communes: communes.map((c) => ({ insee: c.insee, name: c.name, population: c.population, operatingCents: c.currentOperatingCents, revenueCents: c.currentRevenueCents })),
    projected: {
      posts: content.posts.map((p) => ({ ...p, communeInsee: p.communeId ? (inseeOf.get(p.communeId) ?? null) : null })),
      equipment: content.equipment.map((e) => ({
        id: e.equipmentId,
        label: e.label,
        communeInsee: inseeOf.get(e.communeId) ?? '',
        fate: e.fate,
        runningCostCents: e.runningCostOverride?.value ?? equipmentById.get(e.equipmentId)?.runningCostCents ?? null,
      })),
      otherRunningCents: content.otherRunningCents,
      oneOffCosts: content.oneOffCosts,
      revenues: content.revenues,
    },
  });
  if (!cost.ok) {
    // The organisation rules already report communal posts outside the perimeter.
    violations.push(...cost.errors.filter((e) => e.code !== 'post_commune_unknown').map((e) => ({ ...e, field: e.field.replace(/^projected\./, '') })));
  }

  let allocation: ScenarioFiguresDto['allocation'] = null;
  if (!content.allocationKey) {
    violations.push(warning('allocation_key_missing', 'allocationKey', "Aucune clé de répartition : la contribution de chaque commune n'est pas encore chiffrée."));
  } else if (cost.ok && cost.value.projected.netCents < 0) {
    violations.push(warning('nothing_to_allocate', 'allocationKey', 'Les recettes attendues dépassent le coût annuel : il ne reste rien à répartir entre les communes.'));
  } else if (cost.ok) {
    const rows: AllocationCommune[] = communes.map((c) => ({
      insee: c.insee,
      name: c.name,
      population: c.population,
      usageUnits: c.usageUnits,
      historicalCostCents: c.historicalCostCents,
      currentSpendingCents: c.historicalCostCents,
      acCents: c.acCents,
      operatingRevenueCents: c.operatingRevenueCents,
    }));
    const out = allocate({ totalCents: cost.value.projected.netCents, key: content.allocationKey, communes: rows, financingMode: content.financingMode, fiscalRegime: inputs.epci.fiscalRegime });
    const rename = (v: Violation) => ({ ...v, field: v.field.replace(/^key\b/, 'allocationKey') });
    if (out.ok) {
      allocation = out.value;
      violations.push(...out.warnings.map(rename));
    } else {
      violations.push(...out.errors.map(rename));
    }
  }

  const all = dedupe(violations);
  const def = INSTRUMENT_DEFS[content.instrument];
  return {
    violations: all,
    blocking: all.some((v) => v.severity === 'error'),
    cost: cost.ok ? cost.value : null,
    allocation,
    communes,
    requirements: instrumentRequirements(content.instrument),
    instrument: { id: def.id, label: def.label, participants: def.participants, basis: citeRefs(def.basis) },
  };
}

/** Label of a figure's source, for tables and exports. */
export const FIGURE_SOURCE_LABELS: Record<FigureSource, string> = { diagnostic: 'Diagnostic', saisie: 'Saisie', manquant: 'Manquant' };
