import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { JSONContent } from '@tiptap/core';
import {
  applyJSONMinimal,
  createAnchorFromQuote,
  editorSchema,
  fragmentToJSON,
  resolveAnchor,
  resolveAnchors,
} from '../../../shared/editor/index.js';
import { EDITOR_FIXTURE } from '../../../shared/editor/fixture.js';
import { editorEdit, fragmentOf, positionOf, replica, seededDoc, sync } from './helpers.js';

const QUOTE = 'intercommunalité adoptent';

describe('properties', () => {
  it('an anchor keeps its exact text whatever is typed outside it, by any replica', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.nat(), fc.constantFrom('x', 'ab', '« ', '·')), { maxLength: 8 }),
        (edits) => {
          const doc = seededDoc();
          const other = replica(doc);
          const anchor = createAnchorFromQuote(doc, QUOTE)!;
          for (const [inOther, seed, text] of edits) {
            const target = inOther ? other : doc;
            const range = resolveAnchor(target, anchor);
            if (range.status !== 'ok') throw new Error('lost');
            editorEdit(target, (tr) => {
              // Any text position outside ]from, to[ — the boundaries themselves included.
              const candidates: number[] = [];
              tr.doc.descendants((node, pos) => {
                if (node.isTextblock) {
                  for (let p = pos + 1; p <= pos + 1 + node.content.size; p++) {
                    if (p <= range.from || p >= range.to) candidates.push(p);
                  }
                }
              });
              tr.insertText(text, candidates[seed % candidates.length]);
            });
          }
          sync(doc, other);
          for (const replicaDoc of [doc, other]) {
            expect(resolveAnchor(replicaDoc, anchor)).toMatchObject({ status: 'ok', text: QUOTE, changed: false });
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('applyJSONMinimal reaches any rearrangement of blocks', () => {
    const blocks = EDITOR_FIXTURE.content!;
    const pool: JSONContent[] = [...blocks, { type: 'paragraph', content: [{ type: 'text', text: 'Ajout' }] }, { type: 'paragraph' }];
    fc.assert(
      fc.property(fc.array(fc.nat({ max: pool.length - 1 }), { minLength: 1, maxLength: 14 }), (picks) => {
        const doc = seededDoc();
        const target: JSONContent = { type: 'doc', content: picks.map((i) => pool[i]) };
        applyJSONMinimal(doc, target);
        expect(fragmentToJSON(fragmentOf(doc))).toEqual(editorSchema.nodeFromJSON(target).toJSON());
      }),
      { numRuns: 80 },
    );
  });

  it('resolveAnchors gives the same answers as resolveAnchor one by one', () => {
    const doc = seededDoc();
    const anchors = ['Objet', 'Signature', 'élu·e·s', '40 %'].map((q) => createAnchorFromQuote(doc, q)!);
    const pos = positionOf(doc, 'Signature');
    editorEdit(doc, (tr) => tr.delete(pos, pos + 9));
    expect(resolveAnchors(doc, anchors)).toEqual(anchors.map((a) => resolveAnchor(doc, a)));
    expect(resolveAnchors(doc, anchors).map((r) => r.status)).toEqual(['ok', 'orphaned', 'ok', 'ok']);
  });
});
