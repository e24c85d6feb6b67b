import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { users } from '../../../server/db/schema/index.js';
import { newId } from '../../../server/lib/ids.js';
import { conflict } from '../../../server/lib/errors.js';
import { createSession } from '../../../server/features/auth/sessions.js';
import { registerCommentGuard, registerCommentTarget, unregisterCommentTarget } from '../../../server/features/comments/comments.registry.js';
import { listAmendmentDecisions, listCommentsForRound } from '../../../server/features/comments/comments.repo.js';
import { createCommentsTestApp, type CommentsTestApp } from './setup.js';

describe('comments on diagnostic data, several anchors, filters', () => {
  let t: CommentsTestApp;
  let documentId: string;
  let agent: ReturnType<CommentsTestApp['demoRecord']>;
  beforeEach(async () => {
    t = await createCommentsTestApp();
    documentId = await t.createDocument();
    agent = t.demoRecord('diag_agents', '83055');
  });
  afterEach(() => t.close());

  const onAgent = (field?: string) => ({ kind: 'diagnostic', recordType: 'agents', recordId: agent.id, ...(field ? { field } : {}) });

  it('a data correction on one field of a Fayence agent: labelled anchor, Fayence’s people notified, badges', async () => {
    const fayenceId = t.communeByInsee('83055').id;
    const res = await t.comment('techEpci', { type: 'correction_donnee', body: 'La quotité est de 80 %, pas 100 %.', anchors: [onAgent('quotitePct')] });
    expect(res.status).toBe(201);
    expect(res.json.anchors).toEqual([
      { kind: 'diagnostic', recordType: 'agents', recordId: agent.id, field: 'quotitePct', label: `Agents — ${agent.job_title} (Fayence) · Quotité`, communeIds: [fayenceId], missing: false },
    ]);
    const link = `/projets/${t.projectId}/diagnostic/communes/${fayenceId}?commentaire=${res.json.id}`;
    expect(t.notifications()).toEqual([
      { kind: 'comment_on_my_commune', title: 'Correction de donnée de Nadia Benali sur les données de votre commune', body: 'La quotité est de 80 %, pas 100 %.', link, email: 'elu.fayence@demo.mutualab.fr' },
      { kind: 'comment_on_my_commune', title: 'Correction de donnée de Nadia Benali sur les données de votre commune', body: 'La quotité est de 80 %, pas 100 %.', link, email: 'tech.fayence@demo.mutualab.fr' },
    ]);
    expect(t.events('comment.created')[0]).toMatchObject({ recordIds: [agent.id], documentIds: [] });
    const counts = (await t.get('observer', `/projects/${t.projectId}/comment-counts`)).json;
    expect(counts).toEqual({ documents: {}, sections: {}, records: { [agent.id]: 1 }, fields: { [agent.id]: { quotitePct: 1 } }, scenarios: {} });

    const unknownField = await t.comment('techEpci', { type: 'question', body: 'x', anchors: [onAgent('salaireSecret')] });
    expect([unknownField.status, unknownField.json.error.code]).toEqual([400, 'anchor_invalid']);
    const consultation = t.sqlite.prepare('SELECT id, needs FROM diag_consultations ORDER BY id LIMIT 1').get() as { id: string; needs: string };
    const needId = JSON.parse(consultation.needs)[0].id;
    const onNeed = await t.comment('caf', { type: 'soutien', body: 'La CAF soutient.', anchors: [{ kind: 'diagnostic', recordType: 'consultations', recordId: consultation.id, field: `needs.${needId}` }] });
    expect(onNeed.status).toBe(201);
  });

  it('a comment on a passage and the data it relies on at once; filters combine', async () => {
    const anchor = await t.anchorOf(documentId, '10 000 €');
    const both = await t.comment('eluSeillans', { type: 'question', body: 'Ce montant couvre-t-il cet agent ?', anchors: [{ kind: 'text', documentId, anchor }, onAgent()] });
    expect(both.status).toBe(201);
    expect(both.json.anchors.map((a: { kind: string }) => a.kind)).toEqual(['text', 'diagnostic']);
    const other = await t.commentOn('caf', documentId, 'service commun jeunesse', { type: 'information', body: 'La CAF finance 30 %.' });
    t.clock.advance(1000);
    await t.post('vp', `/comments/${other.json.id}/resolve`);

    const ids = async (query: string) => (await t.get('observer', `/projects/${t.projectId}/comments${query}`)).json.map((v: { id: string }) => v.id);
    const seillans = t.communeByInsee('83124').id;
    const fayence = t.communeByInsee('83055').id;
    const sectionId = both.json.anchors[0].sectionId;
    expect(await ids('')).toEqual([other.json.id, both.json.id]);
    expect(await ids(`?recordId=${agent.id}`)).toEqual([both.json.id]);
    expect(await ids('?recordType=agents')).toEqual([both.json.id]);
    expect(await ids(`?documentId=${documentId}`)).toEqual([other.json.id, both.json.id]);
    expect(await ids(`?sectionId=${encodeURIComponent(sectionId)}`)).toEqual([both.json.id]);
    expect(await ids(`?communeId=${seillans}`)).toEqual([both.json.id]);
    expect(await ids(`?communeId=${fayence}`)).toEqual([both.json.id]);
    expect(await ids('?type=information')).toEqual([other.json.id]);
    expect(await ids('?status=open')).toEqual([both.json.id]);
    expect(await ids('?status=resolved&type=information')).toEqual([other.json.id]);
    expect(await ids(`?authorId=${t.userId('caf')}`)).toEqual([other.json.id]);
    expect(await ids('?type=objection')).toEqual([]);
    expect((await t.get('observer', `/projects/${t.projectId}/comments?type=rumeur`)).status).toBe(400);
  });
});

describe('who may comment, read and resolve', () => {
  let t: CommentsTestApp;
  let documentId: string;
  let bagnolsToken: string;
  beforeEach(async () => {
    t = await createCommentsTestApp();
    documentId = await t.createDocument();
    const bagnolsId = newId('usr_');
    t.db.insert(users).values({ id: bagnolsId, email: 'elu.bagnols@exemple.fr', name: 'Élu de Bagnols', role: 'elu_communal', communeId: t.communeByInsee('83008').id, createdAt: '2026-11-27T09:00:00.000Z' }).run();
    bagnolsToken = createSession(t.deps, bagnolsId).token;
  });
  afterEach(() => t.close());

  it('observers read but do not comment; a commune outside the project neither reads nor comments', async () => {
    const opened = await t.commentOn('eluFayence', documentId, 'service commun jeunesse');
    expect((await t.get('observer', `/projects/${t.projectId}/comments`)).json).toHaveLength(1);
    const byObserver = await t.commentOn('observer', documentId, 'service commun jeunesse');
    expect([byObserver.status, byObserver.json.error.code]).toEqual([403, 'forbidden']);
    expect((await t.post('observer', `/comments/${opened.json.id}/replies`, { body: 'Je lis.' })).status).toBe(403);
    expect((await t.request('GET', `/api/projects/${t.projectId}/comments`, { token: bagnolsToken })).status).toBe(403);
    expect((await t.request('GET', `/api/comments/${opened.json.id}`, { token: bagnolsToken })).status).toBe(403);
    const anchor = await t.anchorOf(documentId, 'service commun jeunesse');
    const byBagnols = await t.request('POST', `/api/projects/${t.projectId}/comments`, { token: bagnolsToken, body: { type: 'objection', body: 'x', anchors: [{ kind: 'text', documentId, anchor }] } });
    expect(byBagnols.status).toBe(403);
    expect((await t.request('GET', `/api/projects/${t.projectId}/comments`)).status).toBe(401);
    // The observer cannot be mentioned away either: mentions are checked against access, and observers read.
    const people = (await t.get('eluFayence', `/projects/${t.projectId}/comment-people`)).json.map((p: { name: string }) => p.name);
    expect(people).toContain('Paul Lefèvre');
    expect(people).not.toContain('Élu de Bagnols');
  });

  it('a partner comments and resolves their own thread without edit rights, but not others’; co-writers resolve any; authors reopen', async () => {
    const byCaf = await t.commentOn('caf', documentId, 'service commun jeunesse', { type: 'question', body: 'Quel public ?' });
    expect(byCaf.status).toBe(201);
    expect(byCaf.json.can).toEqual({ reply: true, resolve: true });
    const byElu = await t.commentOn('eluFayence', documentId, '10 000 €');
    expect((await t.get('caf', `/comments/${byElu.json.id}`)).json.can).toEqual({ reply: true, resolve: false });
    const cafOnOther = await t.post('caf', `/comments/${byElu.json.id}/resolve`);
    expect(cafOnOther.status).toBe(403);
    expect(cafOnOther.json.error.message).toBe('Seul·e l’auteur·rice du fil ou une personne qui co-écrit peut le résoudre.');
    expect((await t.post('observer', `/comments/${byElu.json.id}/resolve`)).status).toBe(403);

    const resolved = await t.post('caf', `/comments/${byCaf.json.id}/resolve`);
    expect(resolved.status).toBe(200);
    expect(resolved.json).toMatchObject({ status: 'resolved', resolvedAt: '2026-11-27T09:00:00.000Z', resolvedBy: { id: t.userId('caf'), name: 'Inès Moreau' } });
    const reopened = await t.post('caf', `/comments/${byCaf.json.id}/reopen`);
    expect(reopened.json).toMatchObject({ status: 'open', resolvedAt: null, resolvedBy: null });
    // Another commune's élue co-writes the texts: she may resolve anyone's thread.
    expect((await t.post('eluSeillans', `/comments/${byElu.json.id}/resolve`)).json.status).toBe('resolved');
    expect(t.audit('comment.resolved').map((a) => a.userId)).toEqual([t.userId('caf'), t.userId('eluSeillans')]);
    expect(t.audit('comment.reopened').map((a) => a.userId)).toEqual([t.userId('caf')]);
    expect(t.events('comment.updated').map((e) => e.change)).toEqual(['resolved', 'reopened', 'resolved']);
  });
});

describe('extension points and read contracts', () => {
  let t: CommentsTestApp;
  let documentId: string;
  beforeEach(async () => {
    t = await createCommentsTestApp();
    documentId = await t.createDocument();
  });
  afterEach(() => t.close());

  it('scenario anchors are refused until a target is registered; a registered target decides existence and communes', async () => {
    const previous = unregisterCommentTarget('scenario');
    try {
      const refused = await t.comment('vp', { type: 'question', body: 'x', anchors: [{ kind: 'scenario', scenarioId: 'sce_a' }] });
      expect([refused.status, refused.json.error]).toEqual([400, { code: 'anchor_kind_unavailable', message: 'Les commentaires sur les scénarios ne sont pas encore disponibles.' }]);
      const fayence = t.communeByInsee('83055').id;
      registerCommentTarget('scenario', { exists: (_d, projectId, target) => projectId === t.projectId && target.id === 'sce_a', communeIds: (_d, _p, target) => (target.field === 'ligne_fayence' ? [fayence] : []) });
      const ok = await t.comment('vp', { type: 'question', body: 'Cette ligne ?', anchors: [{ kind: 'scenario', scenarioId: 'sce_a', field: 'ligne_fayence' }] });
      expect(ok.status).toBe(201);
      expect(ok.json.anchors).toEqual([{ kind: 'scenario', scenarioId: 'sce_a', field: 'ligne_fayence', communeIds: [fayence] }]);
      expect((await t.get('vp', `/projects/${t.projectId}/comment-counts`)).json.scenarios).toEqual({ sce_a: 1 });
      expect((await t.get('vp', `/projects/${t.projectId}/comments?scenarioId=sce_a`)).json).toHaveLength(1);
      const unknown = await t.comment('vp', { type: 'question', body: 'x', anchors: [{ kind: 'scenario', scenarioId: 'sce_b' }] });
      expect([unknown.status, unknown.json.error.code]).toEqual([400, 'anchor_invalid']);
    } finally {
      if (previous) registerCommentTarget('scenario', previous);
      else unregisterCommentTarget('scenario');
    }
  });

  it('a registered guard may refuse comments and replies (it sees the action and the author)', async () => {
    const guard = (_deps: unknown, input: { action: string; user: { role: string } }) => {
      if (input.user.role === 'partenaire') throw conflict(`Refusé (${input.action}).`, undefined, 'guard_refused');
    };
    const unregister = registerCommentGuard(guard);
    try {
      const refused = await t.commentOn('caf', documentId, '10 000 €');
      expect([refused.status, refused.json.error]).toEqual([409, { code: 'guard_refused', message: 'Refusé (create).' }]);
      const opened = await t.commentOn('vp', documentId, '10 000 €');
      const reply = await t.post('caf', `/comments/${opened.json.id}/replies`, { body: 'Et nous ?' });
      expect([reply.status, reply.json.error.message]).toEqual([409, 'Refusé (reply).']);
    } finally {
      unregister();
    }
    expect((await t.commentOn('caf', documentId, '10 000 €')).status).toBe(201);
  });

  it('listCommentsForRound and listAmendmentDecisions give the rounds synthesis and the séance minutes what they need', async () => {
    const fayence = t.communeByInsee('83055').id;
    const q = await t.commentOn('eluFayence', documentId, '10 000 €', { type: 'objection', body: 'Trop cher pour Fayence.' });
    await t.post('caf', `/comments/${q.json.id}/replies`, { body: 'La CAF peut aider.' });
    const amendment = await t.commentOn('eluSeillans', documentId, 'service commun jeunesse', { type: 'proposition_amendement', body: 'Plus précis.', replacementText: 'service commun enfance-jeunesse' });
    expect(amendment.status).toBe(201);
    t.sqlite.prepare('UPDATE comment_threads SET round_id = ?').run('rnd_test');
    expect(listCommentsForRound(t.db, 'rnd_test')).toEqual([
      {
        id: q.json.id,
        type: 'objection',
        typeLabel: 'Objection',
        status: 'open',
        body: 'Trop cher pour Fayence.',
        createdAt: '2026-11-27T09:00:00.000Z',
        author: { id: t.userId('eluFayence'), name: 'Jean Roux', role: 'elu_communal', communeId: fayence, communeName: 'Fayence' },
        anchors: [{ kind: 'text', documentId, documentTitle: 'Convention jeunesse', sectionTitle: 'Article 2 — Dispositions financières', quote: '10 000 €', recordType: null, recordId: null, targetId: null, field: null, communeIds: [] }],
        replyCount: 1,
        amendment: null,
      },
      expect.objectContaining({ id: amendment.json.id, typeLabel: "Proposition d'amendement", replyCount: 0, amendment: { id: amendment.json.amendment.id, status: 'proposee', replacementText: 'service commun enfance-jeunesse' } }),
    ]);
    expect(listCommentsForRound(t.db, 'rnd_autre')).toEqual([]);

    t.clock.advance(60_000);
    expect((await t.post('vp', `/amendments/${amendment.json.amendment.id}/accept`)).status).toBe(200);
    const second = await t.commentOn('techEpci', documentId, '10 000 €', { type: 'proposition_amendement', body: 'Arrondir.', replacementText: '9 000 €' });
    t.clock.advance(60_000);
    expect((await t.post('vp', `/amendments/${second.json.amendment.id}/reject`, { motivation: 'Montant voté en conseil.' })).status).toBe(200);
    const vp = { id: t.userId('vp'), name: 'Claire Martin' };
    expect(listAmendmentDecisions(t.db, t.projectId, '2026-11-27T09:00:00.000Z', '2026-11-27T10:00:00.000Z')).toEqual([
      {
        amendmentId: amendment.json.amendment.id,
        threadId: amendment.json.id,
        documentId,
        documentTitle: 'Convention jeunesse',
        status: 'acceptee',
        proposedBy: { id: t.userId('eluSeillans'), name: 'Sophie Garnier' },
        decidedBy: vp,
        decidedAt: '2026-11-27T09:01:00.000Z',
        originalText: 'service commun jeunesse',
        newText: 'service commun enfance-jeunesse',
        motivation: null,
      },
      {
        amendmentId: second.json.amendment.id,
        threadId: second.json.id,
        documentId,
        documentTitle: 'Convention jeunesse',
        status: 'rejetee',
        proposedBy: { id: t.userId('techEpci'), name: 'Nadia Benali' },
        decidedBy: vp,
        decidedAt: '2026-11-27T09:02:00.000Z',
        originalText: '10 000 €',
        newText: '9 000 €',
        motivation: 'Montant voté en conseil.',
      },
    ]);
    expect(listAmendmentDecisions(t.db, t.projectId, '2026-11-27T09:01:30.000Z', '2026-11-27T10:00:00.000Z').map((d) => d.status)).toEqual(['rejetee']);
    expect(await t.text(documentId)).toContain('Le service commun enfance-jeunesse est créé au 1er janvier.');
  });
});
