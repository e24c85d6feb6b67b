/**
 * Bad input on the séance routes with real ids (the global fuzzer only reaches them with unknown ids): wrong types,
 * garbage values and odd states must give 4xx JSON errors with a code, never a 5xx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkshopsTestApp, type WorkshopsTestApp } from './setup.js';

const WRONG: unknown[] = [null, 42, true, [], {}, 'x'.repeat(5000), -1, 1e308, '2026-13-45T25:00:00Z', '9999-12-31T23:59:59Z', '<script>', '__proto__'];

let t: WorkshopsTestApp;
let running: any;
let planned: any;
beforeAll(async () => {
  t = await createWorkshopsTestApp();
  planned = await t.createSeance({ title: 'Prévue' });
  running = await t.createSeance({ title: 'En cours' });
  await t.ok('vp', 'POST', `/api/seances/${running.id}/commands`, { type: 'start' });
  running = await t.ok('vp', 'POST', `/api/seances/${running.id}/polls`, { question: 'Q ?', kind: 'echelle', scope: 'commune' }, 201);
});
afterAll(() => t.close());

describe('séance routes under garbage', () => {
  it('never answers 5xx to a wrong-typed field of any body; errors are JSON with a code', async () => {
    const routes: [string, string, string[]][] = [
      ['POST', `/api/projects/${'{project}'}/seances`, ['title', 'body', 'startsAt', 'location', 'videoUrl', 'invitedCommuneIds', 'invitedUserIds', 'agenda']],
      ['PATCH', `/api/seances/${'{planned}'}`, ['title', 'body', 'startsAt', 'location', 'videoUrl', 'invitedCommuneIds', 'invitedUserIds', 'agenda']],
      ['POST', `/api/seances/${'{running}'}/commands`, ['type', 'itemId']],
      ['PUT', `/api/seances/${'{running}'}/follow`, ['documentId', 'sectionId', 'sectionTitle']],
      ['POST', `/api/seances/${'{running}'}/locks`, ['documentId', 'locked']],
      ['POST', `/api/seances/${'{running}'}/speaking`, ['type', 'personId']],
      ['POST', `/api/seances/${'{running}'}/check-ins`, ['personId']],
      ['POST', `/api/seances/${'{running}'}/polls`, ['question', 'kind', 'choices', 'scope', 'itemId', 'passage']],
      ['POST', `/api/seances/${'{running}'}/polls/${'{poll}'}/votes`, ['value']],
      ['POST', `/api/seances/${'{running}'}/decisions`, ['kind', 'text', 'itemId', 'pollId', 'amendmentId', 'arbitrationId']],
    ];
    const fill = (p: string) => p.replace('{project}', t.projectId).replace('{planned}', planned.id).replace('{running}', running.id).replace('{poll}', running.polls[0].id);
    let tried = 0;
    for (const [method, path, props] of routes) {
      for (const prop of props) {
        for (const value of WRONG) {
          const res = await t.request(method, fill(path), { token: t.tokens.vp, body: { [prop]: value } });
          expect(res.status, `${method} ${path} ${prop}=${JSON.stringify(value)?.slice(0, 20)} → ${res.text.slice(0, 200)}`).toBeLessThan(500);
          // Some odd values are valid (a title « <script> » is stored and shown as text); errors always carry a code.
          if (res.status >= 400) expect(res.json?.error?.code).toMatch(/^[a-z_]+$/);
          tried++;
        }
      }
    }
    expect(tried).toBe(39 * WRONG.length);
  });

  it('odd but well-formed requests are refused with codes, not crashes', async () => {
    const cases: [string, string, unknown, number, string][] = [
      ['POST', `/api/seances/${running.id}/speaking`, { type: 'give_floor' }, 400, 'validation_error'],
      ['POST', `/api/seances/${running.id}/speaking`, { type: 'lower', personId: 'usr_inconnu' }, 409, 'not_in_queue'],
      ['POST', `/api/seances/${running.id}/polls`, { question: 'Q', kind: 'choix', scope: 'personne' }, 400, 'invalid_poll'],
      ['POST', `/api/seances/${running.id}/polls`, { question: 'Q', kind: 'pour_contre', scope: 'personne', itemId: 'itm_x' }, 400, 'unknown_item'],
      ['POST', `/api/seances/${running.id}/polls`, { question: 'Q', kind: 'pour_contre', scope: 'personne', passage: { documentId: 'doc_x', quote: 'a' } }, 400, 'unknown_document'],
      ['POST', `/api/seances/${running.id}/locks`, { documentId: 'doc_x', locked: true }, 400, 'unknown_document'],
      ['POST', `/api/seances/${running.id}/commands`, { type: 'goto', itemId: 'itm_x' }, 400, 'unknown_item'],
      ['PATCH', `/api/seances/${running.id}`, { agenda: [] }, 409, 'item_in_use'],
      ['PATCH', `/api/seances/${planned.id}`, { agenda: [{ id: 'dup', title: 'A', plannedMinutes: 5, outcome: 'debat' }, { id: 'dup', title: 'B', plannedMinutes: 5, outcome: 'debat' }] }, 200, ''],
      ['PATCH', `/api/seances/${planned.id}`, { startsAt: '2026-02-30T10:00:00Z' }, 400, 'validation_error'],
      ['POST', `/api/seances/${planned.id}/polls/pol_x/close`, undefined, 404, 'poll_not_found'],
      ['DELETE', `/api/seances/${running.id}/decisions/dec_x`, undefined, 404, 'decision_not_found'],
    ];
    for (const [method, path, body, status, code] of cases) {
      const res = await t.request(method, path, { token: t.tokens.vp, body });
      expect([method, path, res.status, res.json?.error?.code ?? '']).toEqual([method, path, status, code]);
    }
  });
});
