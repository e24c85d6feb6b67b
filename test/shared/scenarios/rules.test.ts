import { describe, it, expect } from 'vitest';
import { checkOrganisation, instrumentRequirements, CARRIER_RULES } from '../../../shared/scenarios/rules.js';
import { INSTRUMENTS } from '../../../shared/scenarios/instruments.js';
import type { ScenarioContent } from '../../../shared/scenarios/model.js';
import { BASE } from './figures-fixtures.js';

const check = (patch: Partial<ScenarioContent>) => checkOrganisation({ ...BASE, ...patch }).map((v) => [v.severity, v.code, v.field]);
const epciPost = BASE.posts[0];
const communePost = BASE.posts[1];

describe('organisation rules (carrier, employers, equipment)', () => {
  it('table', () => {
    const table: [string, Partial<ScenarioContent>, string[][]][] = [
      ['the base service commun is fine', {}, []],
      ['a service commun is carried by the EPCI', { managingBody: { kind: 'commune', communeId: 'A', name: 'Amont' } }, [['error', 'managing_body_must_be_epci', 'managingBody']]],
      ['the carrying commune must be in the perimeter', { instrument: 'entente', managingBody: { kind: 'commune', communeId: 'C', name: 'Dehors' } }, [['error', 'managing_commune_not_in_perimeter', 'managingBody.communeId']]],
      ['the EPCI carries only if it is a party', { instrument: 'entente', epciParty: false, posts: [communePost] }, [['error', 'managing_epci_not_party', 'managingBody']]],
      ['an entente is carried by one of its parties', { instrument: 'entente', managingBody: { kind: 'autre', communeId: null, name: 'Association' } }, [['error', 'managing_body_not_party', 'managingBody']]],
      ['a convention de prestation may name a third party', { instrument: 'convention_prestation', managingBody: { kind: 'autre', communeId: null, name: 'Syndicat' } }, []],
      ['another structure needs a name', { instrument: 'convention_prestation', managingBody: { kind: 'autre', communeId: null, name: ' ' } }, [['error', 'managing_body_name_missing', 'managingBody.name']]],
      ['no EPCI post without the EPCI', { instrument: 'entente', epciParty: false, managingBody: { kind: 'commune', communeId: 'A', name: 'Amont' } }, [['error', 'epci_post_without_epci', 'posts[0].employer']]],
      ['a communal post belongs to a commune of the perimeter', { posts: [epciPost, { ...communePost, communeId: 'C' }] }, [['error', 'post_commune_not_in_perimeter', 'posts[1].communeId']]],
      ['two lines with one id', { posts: [epciPost, { ...communePost, id: 'p1' }] }, [['error', 'duplicate_post', 'posts[1].id']]],
      ['no communal post left: a warning', { posts: [epciPost, { ...communePost, employer: 'epci', communeId: null }] }, [['warning', 'aucun_poste_communal', 'posts']]],
      ['a communal post with no one in it does not count', { posts: [epciPost, { ...communePost, count: 0 }] }, [['warning', 'aucun_poste_communal', 'posts']]],
      ['equipment outside the perimeter kept: a warning', { equipment: [{ equipmentId: 'x', label: 'Gymnase', communeId: 'C', fate: 'partage', runningCostOverride: null }] }, [['warning', 'equipment_outside_perimeter', 'equipment[0]']]],
      ['equipment outside the perimeter closed: fine', { equipment: [{ equipmentId: 'x', label: 'Gymnase', communeId: 'C', fate: 'ferme', runningCostOverride: null }] }, []],
      ['one equipment twice', { equipment: [BASE.equipment[0], BASE.equipment[0]] }, [['error', 'duplicate_equipment', 'equipment[1]']]],
    ];
    for (const [name, patch, expected] of table) expect(check(patch), name).toEqual(expected);
  });

  it('every instrument has a carrier rule', () => {
    expect(INSTRUMENTS.map((i) => CARRIER_RULES[i])).toEqual(['epci', 'partie', 'partie', 'partie', 'libre', 'libre', 'epci']);
  });
});

describe('requirements of each instrument, for the élus', () => {
  it('an entente needs every council, and no CST opinion', () => {
    expect(instrumentRequirements('entente')).toEqual([
      'Délibérations concordantes de chaque conseil partie : la convention ne s’applique qu’une fois tous les conseils prononcés.',
      'Convention signée par chaque partie.',
      'Délibérations concordantes : les décisions ne sont exécutoires qu’après ratification par tous les conseils.',
    ]);
  });
  it('a service commun needs the EPCI and each commune, the CST and a fiche d’impact', () => {
    expect(instrumentRequirements('service_commun')).toEqual([
      'Délibération du conseil communautaire et du conseil municipal de chaque commune participante.',
      'Avis du comité social territorial (art. L5211-4-2 du CGCT).',
      'Convention signée par chaque partie.',
      "Fiche d'impact annexée à la convention (organisation, conditions de travail, rémunération, droits acquis).",
      "L'imputation sur l'attribution de compensation n'est possible que pour un EPCI à fiscalité professionnelle unique.",
    ]);
  });
  it('a transfer of competence: qualified majority and an arrêté préfectoral, no convention to sign', () => {
    const r = instrumentRequirements('transfert_competence');
    expect(r[0]).toMatch(/^Délibération du conseil communautaire puis majorité qualifiée/);
    expect(r).toContain('Arrêté préfectoral prononçant le transfert.');
    expect(r).not.toContain('Convention signée par chaque partie.');
  });
});
