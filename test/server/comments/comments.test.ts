import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { createCommentsTestApp, type CommentsTestApp } from './setup.js';

const NOW = '2026-11-27T09:00:00.000Z';

describe('comments on a text range', () => {
  let t: CommentsTestApp;
  let documentId: string;
  beforeEach(async () => {
    t = await createCommentsTestApp();
    documentId = await t.createDocument();
  });
  afterEach(() => t.close());

  it('an élu opens an objection on a passage: author with commune and role, anchor resolved with its section', async () => {
    const fayence = t.communeByInsee('83055');
    const res = await t.commentOn('eluFayence', documentId, 'fixée à 10 000 €', { body: 'Ce montant ne tient pas compte de la population.' });
    expect(res.status).toBe(201);
    const view = res.json;
    expect(view).toMatchObject({
      id: expect.stringMatching(/^cth_/),
      projectId: t.projectId,
      type: 'objection',
      status: 'open',
      roundId: null,
      author: { id: t.userId('eluFayence'), name: 'Jean Roux', role: 'elu_communal', communeId: fayence.id, communeName: 'Fayence' },
      createdAt: NOW,
      updatedAt: NOW,
      resolvedAt: null,
      resolvedBy: null,
      amendment: null,
      can: { reply: true, resolve: true },
    });
    expect(view.anchors).toEqual([
      {
        kind: 'text',
        documentId,
        documentTitle: 'Convention jeunesse',
        anchor: expect.objectContaining({ quote: 'fixée à 10 000 €', prefix: expect.any(String), suffix: ' par an.' }),
        quote: 'fixée à 10 000 €',
        currentText: 'fixée à 10 000 €',
        orphaned: false,
        changed: false,
        sectionId: expect.any(String),
        sectionTitle: 'Article 2 — Dispositions financières',
      },
    ]);
    expect(view.messages).toEqual([
      {
        id: expect.stringMatching(/^cmt_/),
        author: { id: t.userId('eluFayence'), name: 'Jean Roux', role: 'elu_communal', communeId: fayence.id, communeName: 'Fayence' },
        body: 'Ce montant ne tient pas compte de la population.',
        mentions: [],
        createdAt: NOW,
        editedAt: null,
        deletedAt: null,
        history: [],
        can: { edit: true, delete: true },
      },
    ]);
    expect(t.events('comment.created')).toEqual([
      { threadId: view.id, type: 'objection', documentIds: [documentId], recordIds: [], scenarioIds: [], by: t.userId('eluFayence'), audience: { ability: 'comment.read' } },
    ]);
    // Another viewer sees the same thread with their own rights.
    const seen = await t.get('observer', `/comments/${view.id}`);
    expect(seen.status).toBe(200);
    expect(seen.json.can).toEqual({ reply: false, resolve: false });
    expect(seen.json.messages[0].can).toEqual({ edit: false, delete: false });
  });

  it('the server re-anchors: the stored quote is the document text, not what the client claims', async () => {
    const anchor = await t.anchorOf(documentId, 'service commun jeunesse');
    const res = await t.comment('vp', { type: 'question', body: 'Quel périmètre ?', anchors: [{ kind: 'text', documentId, anchor: { ...anchor, quote: 'texte inventé' } }] });
    expect(res.status).toBe(201);
    expect(res.json.anchors[0]).toMatchObject({ quote: 'service commun jeunesse', currentText: 'service commun jeunesse', sectionTitle: 'Article 1 — Objet' });
  });

  it('refuses anchors on another project’s document, on a deleted passage, bad types and empty bodies (400)', async () => {
    const anchor = await t.anchorOf(documentId, 'service commun jeunesse');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ type: 'objection', body: 'x', anchors: [{ kind: 'text', documentId: 'doc_inconnu', anchor }] }, 'anchor_invalid'],
      [{ type: 'rumeur', body: 'x', anchors: [{ kind: 'text', documentId, anchor }] }, 'validation_error'],
      [{ type: 'objection', body: '   ', anchors: [{ kind: 'text', documentId, anchor }] }, 'validation_error'],
      [{ type: 'objection', body: 'x', anchors: [] }, 'validation_error'],
      [{ type: 'objection', body: 'x', anchors: [{ kind: 'text', documentId, anchor }], replacementText: 'y' }, 'replacement_not_allowed'],
      [{ type: 'objection', body: 'x', anchors: [{ kind: 'scenario', scenarioId: 'sce_inconnu' }] }, 'anchor_invalid'],
      [{ type: 'objection', body: 'x', anchors: [{ kind: 'diagnostic', recordType: 'agents', recordId: 'dag_inconnu' }] }, 'anchor_invalid'],
    ];
    for (const [body, code] of cases) {
      const res = await t.comment('vp', body);
      expect([res.status, res.json.error.code], JSON.stringify(body)).toEqual([400, code]);
    }
    await t.edit(documentId, (d) => {
      const fragment = d.getXmlFragment('default');
      fragment.delete(1, 1); // the paragraph holding the passage
    });
    const gone = await t.comment('vp', { type: 'objection', body: 'x', anchors: [{ kind: 'text', documentId, anchor }] });
    expect([gone.status, gone.json.error.code]).toEqual([400, 'anchor_orphaned']);
  });

  it('replies, @mentions, edits with history, soft deletion with a trace', async () => {
    const opened = await t.commentOn('eluFayence', documentId, 'service commun jeunesse', { type: 'question', body: 'Qui porte le service ?' });
    const threadId = opened.json.id;
    const reply = await t.post('techEpci', `/comments/${threadId}/replies`, { body: '@Sophie Garnier pouvez-vous préciser ?', mentions: [t.userId('eluSeillans')] });
    expect(reply.status).toBe(201);
    expect(reply.json.messages.map((m: { author: { name: string }; body: string; mentions: unknown[] }) => [m.author.name, m.body, m.mentions])).toEqual([
      ['Jean Roux', 'Qui porte le service ?', []],
      ['Nadia Benali', '@Sophie Garnier pouvez-vous préciser ?', [{ id: t.userId('eluSeillans'), name: 'Sophie Garnier' }]],
    ]);
    // Mention of someone without access (an élu of a commune outside the project): refused.
    const bagnols = t.sqlite.prepare("SELECT id FROM communes WHERE insee_code = '83008'").get() as { id: string };
    t.sqlite.prepare("INSERT INTO users (id, email, name, role, commune_id, created_at) VALUES ('usr_bagnols', 'elu.bagnols@exemple.fr', 'Élu de Bagnols', 'elu_communal', ?, ?)").run(bagnols.id, NOW);
    const bad = await t.post('techEpci', `/comments/${threadId}/replies`, { body: 'x', mentions: ['usr_bagnols'] });
    expect([bad.status, bad.json.error]).toEqual([400, { code: 'mention_invalid', message: 'Élu de Bagnols n’a pas accès à ce projet : impossible de mentionner cette personne.', details: { userId: 'usr_bagnols' } }]);
    const unknown = await t.post('techEpci', `/comments/${threadId}/replies`, { body: 'x', mentions: ['usr_inconnu'] });
    expect([unknown.status, unknown.json.error.code]).toEqual([400, 'mention_invalid']);

    const messageId = reply.json.messages[1].id;
    t.clock.advance(60_000);
    const edited = await t.request('PATCH', `/api/comments/${threadId}/messages/${messageId}`, { token: t.tokens.techEpci, body: { body: 'Pouvez-vous préciser le porteur ?' } });
    expect(edited.status).toBe(200);
    expect(edited.json.messages[1]).toMatchObject({
      body: 'Pouvez-vous préciser le porteur ?',
      editedAt: '2026-11-27T09:01:00.000Z',
      history: [{ body: '@Sophie Garnier pouvez-vous préciser ?', editedAt: '2026-11-27T09:01:00.000Z' }],
      mentions: [{ id: t.userId('eluSeillans'), name: 'Sophie Garnier' }],
    });
    // Only one's own messages.
    const notMine = await t.request('PATCH', `/api/comments/${threadId}/messages/${messageId}`, { token: t.tokens.eluFayence, body: { body: 'Piraté' } });
    expect([notMine.status, notMine.json.error.code]).toEqual([403, 'not_author']);
    const notMineDelete = await t.request('DELETE', `/api/comments/${threadId}/messages/${messageId}`, { token: t.tokens.vp });
    expect([notMineDelete.status, notMineDelete.json.error.code]).toEqual([403, 'not_author']);

    t.clock.advance(60_000);
    const deleted = await t.request('DELETE', `/api/comments/${threadId}/messages/${messageId}`, { token: t.tokens.techEpci });
    expect(deleted.status).toBe(200);
    expect(deleted.json.messages[1]).toMatchObject({ body: '', mentions: [], history: [], deletedAt: '2026-11-27T09:02:00.000Z', author: { name: 'Nadia Benali' }, can: { edit: false, delete: false } });
    expect(deleted.json.messages).toHaveLength(2);
    const again = await t.request('DELETE', `/api/comments/${threadId}/messages/${messageId}`, { token: t.tokens.techEpci });
    expect([again.status, again.json.error.code]).toEqual([409, 'comment_deleted']);
    expect(t.audit('comment.deleted')).toEqual([{ userId: t.userId('techEpci'), targetId: messageId, before: { threadId }, after: null }]);
    expect(t.events('comment.updated').map((e) => e.change)).toEqual(['reply', 'edited', 'deleted']);
  });

  it('notifications: mentions, replies in my threads (one notification per person and action)', async () => {
    const opened = await t.commentOn('eluFayence', documentId, 'service commun jeunesse', { type: 'question', body: 'Qui porte le service ?', mentions: [t.userId('techEpci')] });
    const threadId = opened.json.id;
    await t.post('techEpci', `/comments/${threadId}/replies`, { body: 'La communauté de communes.' });
    await t.post('eluSeillans', `/comments/${threadId}/replies`, { body: 'Et Seillans ? @Jean Roux', mentions: [t.userId('eluFayence')] });
    const link = `/projets/${t.projectId}/documents/${documentId}?commentaire=${threadId}`;
    expect(t.notifications()).toEqual([
      { kind: 'mention', title: 'Jean Roux vous a mentionné·e (question)', body: 'Qui porte le service ?', link, email: 'tech.epci@demo.mutualab.fr' },
      { kind: 'reply', title: 'Nadia Benali a répondu dans un fil où vous êtes intervenu·e', body: 'La communauté de communes.', link, email: 'elu.fayence@demo.mutualab.fr' },
      { kind: 'mention', title: 'Sophie Garnier vous a mentionné·e (question)', body: 'Et Seillans ? @Jean Roux', link, email: 'elu.fayence@demo.mutualab.fr' },
      { kind: 'reply', title: 'Sophie Garnier a répondu dans un fil où vous êtes intervenu·e', body: 'Et Seillans ? @Jean Roux', link, email: 'tech.epci@demo.mutualab.fr' },
    ]);
  });
});
