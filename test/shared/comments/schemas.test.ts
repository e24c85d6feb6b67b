import { describe, it, expect } from 'vitest';
import { AnchorInputSchema, COMMENT_TYPES, COMMENT_TYPE_LABELS, CreateCommentSchema, RejectSchema } from '../../../shared/comments/types.js';

const text = { kind: 'text', documentId: 'doc_1', anchor: { start: 'AQID', end: 'BAUG', quote: 'le mercredi' } };

describe('comment types and input schemas', () => {
  it('has the six types of the issue with their French labels', () => {
    expect(COMMENT_TYPES.map((t) => [t, COMMENT_TYPE_LABELS[t]])).toEqual([
      ['question', 'Question'],
      ['objection', 'Objection'],
      ['soutien', 'Soutien'],
      ['correction_donnee', 'Correction de donnée'],
      ['proposition_amendement', "Proposition d'amendement"],
      ['information', 'Information'],
    ]);
  });

  it('accepts text, diagnostic (record or field) and scenario anchors, and nothing else', () => {
    const cases: Array<[unknown, boolean]> = [
      [text, true],
      [{ kind: 'diagnostic', recordType: 'agents', recordId: 'dag_1' }, true],
      [{ kind: 'diagnostic', recordType: 'agents', recordId: 'dag_1', field: 'quotitePct' }, true],
      [{ kind: 'diagnostic', recordType: 'salaires', recordId: 'dag_1' }, false],
      [{ kind: 'scenario', scenarioId: 'sce_1', field: 'commune:com_1' }, true],
      [{ kind: 'scenario' }, false],
      [{ kind: 'text', documentId: 'doc_1', anchor: { start: 'AQID', end: 'BAUG', quote: '' } }, false],
      [{ ...text, extra: 1 }, false],
      [{ kind: 'photo', url: 'x' }, false],
    ];
    for (const [input, ok] of cases) expect(AnchorInputSchema.safeParse(input).success, JSON.stringify(input)).toBe(ok);
  });

  it('a comment has a trimmed body and 1 to 5 anchors; the French messages say what is wrong', () => {
    expect(CreateCommentSchema.parse({ type: 'objection', body: '  Trop cher.  ', anchors: [text] })).toEqual({ type: 'objection', body: 'Trop cher.', anchors: [text] });
    const issues = (input: unknown) => CreateCommentSchema.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues({ type: 'objection', body: ' ', anchors: [text] })).toEqual(['body: Écrivez votre commentaire.']);
    expect(issues({ type: 'objection', body: 'x', anchors: [] })).toEqual(['anchors: Un commentaire porte sur au moins un élément.']);
    expect(issues({ type: 'objection', body: 'x', anchors: Array(6).fill(text) })).toEqual(['anchors: 5 éléments au plus.']);
    expect(issues({ type: 'rumeur', body: 'x', anchors: [text] })).toEqual(['type: Type de commentaire inconnu.']);
  });

  it('a rejection needs a motivation of at least three characters', () => {
    expect(RejectSchema.safeParse({ motivation: ' ok ' }).success).toBe(false);
    expect(RejectSchema.parse({ motivation: ' Budget voté. ' })).toEqual({ motivation: 'Budget voté.' });
  });
});
