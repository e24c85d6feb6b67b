/** The scenario form's state and its conversion to what the API and the live figures read. */
import type { ScenarioDto, ScenarioInputsDto } from '../../../../shared/scenarios/api.js';
import type { ScenarioContent } from '../../../../shared/scenarios/model.js';
import type { Violation } from '../../../../shared/scenarios/types.js';

/** What the form edits: the scenario's content, equipment by id and fate only (label and commune come from the diagnostic). */
export type Draft = Omit<ScenarioContent, 'equipment'> & { equipment: { equipmentId: string; fate: ScenarioContent['equipment'][number]['fate']; runningCostOverride: ScenarioContent['equipment'][number]['runningCostOverride'] }[] };

/** A new scenario: a service commun of the participating communes, split by population, reimbursed. */
export function emptyDraft(inputs: ScenarioInputsDto): Draft {
  return {
    title: '',
    summary: '',
    instrument: 'service_commun',
    epciParty: true,
    managingBody: { kind: 'epci', communeId: null, name: '' },
    communes: inputs.communes.filter((c) => c.participation === 'participante').map((c) => ({ communeId: c.id, overrides: {} })),
    otherParties: [],
    posts: [],
    equipment: [],
    otherRunningCents: 0,
    oneOffCosts: [],
    revenues: [],
    allocationKey: { kind: 'population' },
    usageUnit: null,
    financingMode: 'remboursement',
    prestationSharePct: null,
  };
}

/** The form state of a stored scenario. */
export function draftOf(s: ScenarioDto): Draft {
  return {
    title: s.title,
    summary: s.summary,
    instrument: s.instrument,
    epciParty: s.epciParty,
    managingBody: s.managingBody,
    communes: s.communes.map((c) => ({ communeId: c.communeId, overrides: c.overrides })),
    otherParties: s.otherParties,
    posts: s.posts,
    equipment: s.equipment.map((e) => ({ equipmentId: e.equipmentId, fate: e.fate, runningCostOverride: e.runningCostOverride })),
    otherRunningCents: s.otherRunningCents,
    oneOffCosts: s.oneOffCosts,
    revenues: s.revenues,
    allocationKey: s.allocationKey,
    usageUnit: s.usageUnit,
    financingMode: s.financingMode,
    prestationSharePct: s.prestationSharePct,
  };
}

/** The content the live figures read, resolved as the server resolves it (equipment label, carrier name). */
export function contentOf(d: Draft, inputs: ScenarioInputsDto): ScenarioContent {
  const equipment = new Map(inputs.equipment.map((e) => [e.id, e]));
  const commune = inputs.communes.find((c) => c.id === d.managingBody.communeId);
  return {
    ...d,
    managingBody: {
      ...d.managingBody,
      communeId: d.managingBody.kind === 'commune' ? d.managingBody.communeId : null,
      name: d.managingBody.name.trim() || (d.managingBody.kind === 'epci' ? inputs.epci.name : d.managingBody.kind === 'commune' ? (commune?.name ?? '') : ''),
    },
    posts: d.posts.map((p) => ({ ...p, communeId: p.employer === 'commune' ? p.communeId : null })),
    equipment: d.equipment.flatMap((e) => {
      const x = equipment.get(e.equipmentId);
      return x ? [{ ...e, label: x.name, communeId: x.communeId }] : [];
    }),
  };
}

/** The violations about one part of the form (`posts`, `communes`, `managingBody`…), for inline messages. */
export function violationsOf(violations: readonly Violation[], ...prefixes: string[]): Violation[] {
  return violations.filter((v) => prefixes.some((p) => v.field === p || v.field.startsWith(`${p}[`) || v.field.startsWith(`${p}.`)));
}
