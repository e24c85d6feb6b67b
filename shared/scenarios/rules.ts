/**
 * Rules a scenario must follow beyond the perimeter check of `instruments.ts`: who may carry the service, who may
 * employ its posts, which equipment it may decide about; and the requirements of each instrument written for élus.
 * Data-driven like `INSTRUMENT_DEFS`: the carrying rules are a table, the code only reads it.
 */
import { INSTRUMENT_DEFS, type Instrument } from './instruments.js';
import { citeRefs, error, warning, type Violation } from './types.js';
import type { ManagingBodyKind, ScenarioContent } from './model.js';

/**
 * Who may carry (manage) the service under each instrument:
 * - `epci`: the EPCI itself (service commun, transfert: the EPCI holds the service or the competence);
 * - `partie`: one of the parties, the EPCI if it is one or a commune of the perimeter (mise à disposition, service
 *   unifié, entente: no new legal person, one party hosts the service for the others);
 * - `libre`: any structure, including a third party designated as coordinator or provider.
 */
export const CARRIER_RULES: Record<Instrument, 'epci' | 'partie' | 'libre'> = {
  service_commun: 'epci',
  mise_a_disposition: 'partie',
  service_unifie: 'partie',
  entente: 'partie',
  convention_prestation: 'libre',
  groupement_commandes: 'libre',
  transfert_competence: 'epci',
};

/** The perimeter as the rules read it: ids of the perimeter's communes. */
type RulesInput = Pick<ScenarioContent, 'instrument' | 'epciParty' | 'managingBody' | 'communes' | 'posts' | 'equipment'>;

const carrierLabel: Record<ManagingBodyKind, string> = { epci: "l'EPCI", commune: 'une commune', autre: 'une autre structure' };

/**
 * Checks the managing body, the employers of the posts and the equipment against the perimeter and the instrument.
 * Field paths name the scenario's own fields (`managingBody`, `posts[2].employer`, `equipment[0]`).
 */
export function checkOrganisation(input: RulesInput): Violation[] {
  const def = INSTRUMENT_DEFS[input.instrument];
  const law = citeRefs(def.basis);
  const out: Violation[] = [];
  const perimeter = new Set(input.communes.map((c) => c.communeId));
  const body = input.managingBody;
  const carrier = CARRIER_RULES[input.instrument];

  if (body.kind === 'commune' && !(body.communeId && perimeter.has(body.communeId))) {
    out.push(error('managing_commune_not_in_perimeter', 'managingBody.communeId', 'La commune qui porte le service doit faire partie du périmètre du scénario.'));
  }
  if (body.kind === 'epci' && !input.epciParty) {
    out.push(error('managing_epci_not_party', 'managingBody', "L'EPCI ne peut porter le service que s'il est partie au scénario : cochez « l'EPCI est partie » ou choisissez une commune support."));
  }
  if (body.kind === 'autre' && !body.name.trim()) {
    out.push(error('managing_body_name_missing', 'managingBody.name', 'Indiquez le nom de la structure qui porte le service.'));
  }
  if (carrier === 'epci' && body.kind !== 'epci') {
    out.push(error('managing_body_must_be_epci', 'managingBody', `${def.label} : le service est porté par l'EPCI, pas par ${carrierLabel[body.kind]} (${law}).`));
  }
  if (carrier === 'partie' && body.kind === 'autre') {
    out.push(error('managing_body_not_party', 'managingBody', `${def.label} : le service est porté par l'une des parties (l'EPCI ou une commune du périmètre), pas par une structure extérieure (${law}). Une convention de prestation permet de confier le service à un tiers.`));
  }

  input.posts.forEach((p, i) => {
    if (p.employer === 'epci' && !input.epciParty) {
      out.push(error('epci_post_without_epci', `posts[${i}].employer`, `${p.label} : l'EPCI n'est pas partie au scénario, il ne peut pas employer ce poste. Choisissez une commune employeuse ou rendez l'EPCI partie.`));
    }
    if (p.employer === 'commune' && !(p.communeId && perimeter.has(p.communeId))) {
      out.push(error('post_commune_not_in_perimeter', `posts[${i}].communeId`, `${p.label} : un poste communal doit être employé par une commune du périmètre.`));
    }
  });
  const ids = new Set<string>();
  input.posts.forEach((p, i) => {
    if (ids.has(p.id)) out.push(error('duplicate_post', `posts[${i}].id`, `${p.label} : deux lignes de postes portent le même identifiant.`));
    ids.add(p.id);
  });

  const seen = new Set<string>();
  input.equipment.forEach((e, i) => {
    if (seen.has(e.equipmentId)) out.push(error('duplicate_equipment', `equipment[${i}]`, `${e.label} figure deux fois dans la liste des équipements.`));
    seen.add(e.equipmentId);
    if (!perimeter.has(e.communeId) && e.fate !== 'ferme') {
      out.push(warning('equipment_outside_perimeter', `equipment[${i}]`, `${e.label} se trouve dans une commune hors du périmètre : son usage partagé suppose un accord avec cette commune.`));
    }
  });

  if (input.posts.length > 0 && input.posts.every((p) => p.employer === 'epci' || p.count === 0)) {
    out.push(warning('aucun_poste_communal', 'posts', "Aucun poste communal ne subsiste : tous les agents relèveraient de l'EPCI. Le diagnostic recommande un service mêlant techniciens communautaires et communaux (proximité, connaissance du terrain)."));
  }
  return out;
}

/** What the instrument requires before the pooling applies, in French sentences for the élus. */
export function instrumentRequirements(instrument: Instrument): string[] {
  const def = INSTRUMENT_DEFS[instrument];
  const r = def.requirements;
  const out: string[] = [];
  if (r.deliberation === 'epci_et_chaque_commune') out.push('Délibération du conseil communautaire et du conseil municipal de chaque commune participante.');
  if (r.deliberation === 'chaque_conseil') out.push('Délibérations concordantes de chaque conseil partie : la convention ne s’applique qu’une fois tous les conseils prononcés.');
  if (r.deliberation === 'majorite_qualifiee') out.push('Délibération du conseil communautaire puis majorité qualifiée des conseils municipaux ; sans réponse sous trois mois, l’avis est réputé favorable.');
  if (r.avisCst) out.push(`Avis du comité social territorial (${citeRefs(def.cstBasis ?? def.basis)}).`);
  // The instrument's own notes may already say it (service commun): one sentence is enough.
  if (r.ficheImpact && !def.notes.some((n) => /fiche d.impact/i.test(n))) out.push("Fiche d'impact annexée à la convention (organisation, conditions de travail, rémunération, droits acquis des agents).");
  if (r.signature) out.push('Convention signée par chaque partie.');
  if (r.arretePrefectoral) out.push('Arrêté préfectoral prononçant le transfert.');
  out.push(...def.notes);
  return [...new Set(out)];
}
