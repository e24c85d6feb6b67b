import { describe, it, expect, beforeEach } from 'vitest';
import { diagTestApp, type DiagTest } from './support.js';

let t: DiagTest;
beforeEach(async () => {
  t = await diagTestApp();
});
const cell = async (communeId: string, section: string) => (await t.as('vp').get('')).json.board.find((r: any) => r.communeId === communeId).cells[section];

describe('completeness: the technician submits, an élu·e of that commune validates', () => {
  it('only the commune’s élu validates (not the facilitator, not the admin, not another commune)', async () => {
    const path = `/completeness/${t.fayence}/agents/review`;
    for (const who of ['vp', 'admin', 'techEpci', 'techFayence', 'eluSeillans', 'caf', 'observer'] as const) {
      expect((await t.as(who).post(path, { decision: 'valide' })).status, who).toBe(403);
    }
    const ok = await t.as('eluFayence').post(path, { decision: 'valide', comment: 'Conforme au tableau des effectifs' });
    expect(ok.status).toBe(200);
    expect(ok.json.cells.agents).toMatchObject({ status: 'valide', validatedBy: { name: 'Jean Roux' } });
    expect((await t.as('eluFayence').post(path, { decision: 'valide' })).json.error.code).toBe('completeness_state');
  });

  it('submit → send back with a comment → submit again → validate; editing reopens', async () => {
    expect(await cell(t.fayence, 'consultations')).toMatchObject({ status: 'en_cours', count: 3 });
    expect((await t.as('eluSeillans').post(`/completeness/${t.fayence}/consultations/submit`)).status).toBe(403);
    expect((await t.as('techFayence').post(`/completeness/${t.fayence}/consultations/submit`)).json.cells.consultations).toMatchObject({ status: 'soumis', submittedBy: { name: 'Luc Bernard' } });
    const noReason = await t.as('eluFayence').post(`/completeness/${t.fayence}/consultations/review`, { decision: 'a_revoir' });
    expect(noReason.status).toBe(400);
    expect((await t.as('eluFayence').post(`/completeness/${t.fayence}/consultations/review`, { decision: 'a_revoir', comment: 'Ajouter la réunion avec le collège' })).json.cells.consultations).toMatchObject({ status: 'a_revoir', comment: 'Ajouter la réunion avec le collège' });
    expect((await t.as('techFayence').post(`/completeness/${t.fayence}/consultations/submit`)).status).toBe(200);
    expect((await t.as('eluFayence').post(`/completeness/${t.fayence}/consultations/review`, { decision: 'valide' })).status).toBe(200);
    const consultation = (await t.as('vp').get(`/consultations?communeId=${t.fayence}`)).json[0];
    await t.as('techFayence').patch(`/consultations/${consultation.id}`, { minutes: 'Compte rendu complété.' });
    expect((await cell(t.fayence, 'consultations')).status).toBe('en_cours');
  });

  it('an empty section declared complete counts as « none » in the indicators', async () => {
    const callian = t.communeByInsee('83029').id;
    const before = (await t.as('vp').get('/indicators')).json.communes.find((c: any) => c.communeId === callian);
    expect([before.etp, before.agentCount]).toEqual([null, null]);
    expect((await t.as('techEpci').post(`/completeness/${callian}/agents/submit`)).status).toBe(200);
    const after = (await t.as('vp').get('/indicators')).json.communes.find((c: any) => c.communeId === callian);
    expect([after.etp, after.agentCount, after.etpPer1000]).toEqual([0, 0, 0]);
  });
});
