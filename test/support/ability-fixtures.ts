/**
 * One project and one cast of actors for the table tests of the abilities (auth, diagnostic, versions), so that every
 * table reads against the same facts: Fayence and Seillans participate, Callian is invited, Tanneron observes, Mons
 * withdrew, Bagnols is not in the project; the CAF partner and an observer are added members.
 */
import type { Actor, ProjectContext } from '../../shared/auth/abilities.js';

export const ABILITY_PROJECT: ProjectContext = {
  id: 'p',
  facilitatorId: 'vp',
  participations: { fayence: 'participante', seillans: 'participante', callian: 'invitee', tanneron: 'observatrice', mons: 'retiree' },
  memberIds: ['caf', 'obs'],
};

export const ABILITY_ACTORS: Record<string, Actor> = {
  admin: { id: 'admin', role: 'administrateur' },
  vp: { id: 'vp', role: 'elu_communautaire' },
  otherEluCc: { id: 'x', role: 'elu_communautaire' },
  techEpci: { id: 'te', role: 'technicien_communautaire' },
  eluFayence: { id: 'ef', role: 'elu_communal', communeId: 'fayence' },
  techFayence: { id: 'tf', role: 'technicien_communal', communeId: 'fayence' },
  eluSeillans: { id: 'es', role: 'elu_communal', communeId: 'seillans' },
  eluCallian: { id: 'ec', role: 'elu_communal', communeId: 'callian' },
  eluTanneron: { id: 'et', role: 'elu_communal', communeId: 'tanneron' },
  eluMons: { id: 'em', role: 'elu_communal', communeId: 'mons' },
  eluBagnols: { id: 'eb', role: 'elu_communal', communeId: 'bagnols' },
  caf: { id: 'caf', role: 'partenaire', partnerId: 'p-caf' },
  otherPartner: { id: 'p2', role: 'partenaire', partnerId: 'p2' },
  obs: { id: 'obs', role: 'observateur' },
};
