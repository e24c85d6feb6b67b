import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { JSONContent } from '@tiptap/core';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import {
  DEFAULT_FRAGMENT,
  editorSchema,
  fragmentToJSON,
  fragmentToText,
  jsonToUpdate,
  listSections,
} from '../../../shared/editor/index.js';
import { EDITOR_FIXTURE } from '../../../shared/editor/fixture.js';
import { fragmentOf, seededDoc } from './helpers.js';

/** Every node type and text of a JSON tree, in document order — what a lossy conversion would drop. */
function inventory(json: JSONContent): string[] {
  const out: string[] = [json.type === 'text' ? `text:${json.text}` : json.type!];
  for (const mark of json.marks ?? []) out.push(`mark:${mark.type}`);
  for (const child of json.content ?? []) out.push(...inventory(child));
  return out;
}

describe('schema', () => {
  it('is built in plain Node with the shared node and mark list', () => {
    expect(Object.keys(editorSchema.nodes).sort()).toEqual(
      ['blockquote', 'bulletList', 'codeBlock', 'doc', 'hardBreak', 'heading', 'horizontalRule', 'listItem',
        'orderedList', 'paragraph', 'table', 'tableCell', 'tableHeader', 'tableRow', 'text'].sort(),
    );
    expect(Object.keys(editorSchema.marks).sort()).toEqual(['bold', 'code', 'italic', 'link', 'strike', 'underline']);
    expect(DEFAULT_FRAGMENT).toBe('default');
  });
});

describe('fixture round-trip JSON → Yjs → JSON', () => {
  it('gives back the fixture (canonical form: schema defaults filled in)', () => {
    const doc = seededDoc();
    const json = fragmentToJSON(fragmentOf(doc));
    expect(json).toEqual(editorSchema.nodeFromJSON(EDITOR_FIXTURE).toJSON());
    // Canonicalisation only adds default attributes: the node types, marks and texts are the fixture's own.
    expect(inventory(json)).toEqual(inventory(EDITOR_FIXTURE));
    expect(inventory(json)).toContain('text: de l’intercommunalité adoptent la «\u202fcharte commune\u202f».');
    expect(inventory(json)).toContain('text:élu·e·s');
    expect(inventory(json).filter((t) => t === 'bulletList')).toHaveLength(3);
    expect(inventory(json).filter((t) => t === 'tableHeader' || t === 'tableCell')).toHaveLength(9);
  });

  it('keeps marks and their attributes', () => {
    const json = fragmentToJSON(fragmentOf(seededDoc()));
    expect(json.content![1].content![1]).toEqual({ type: 'text', marks: [{ type: 'bold' }], text: 'élu·e·s' });
    expect(json.content![3].content![3]).toEqual({
      type: 'text',
      marks: [{ type: 'link', attrs: { href: 'https://www.collectivites-locales.gouv.fr', target: '_blank', rel: 'noopener noreferrer nofollow', class: null, title: null } }],
      text: 'le site officiel',
    });
    expect(json.content![3].content![1]).toEqual({ type: 'text', marks: [{ type: 'italic' }], text: 'commun' });
  });

  it('stores marks the way y-tiptap does: formatting attributes on one Y.XmlText per run of text', () => {
    const paragraph = fragmentOf(seededDoc()).get(1) as Y.XmlElement;
    expect(paragraph.nodeName).toBe('paragraph');
    expect(paragraph.length).toBe(1);
    expect((paragraph.get(0) as Y.XmlText).toDelta()).toEqual([
      { insert: 'Les ' },
      { insert: 'élu·e·s', attributes: { bold: {} } },
      { insert: ' de l’intercommunalité adoptent la «\u202fcharte commune\u202f».' },
    ]);
  });

  it('reads the same document as y-tiptap', () => {
    const fragment = fragmentOf(seededDoc());
    expect(fragmentToJSON(fragment)).toEqual(yXmlFragmentToProseMirrorRootNode(fragment, editorSchema).toJSON());
  });

  it('gives plain text with one line per text block', () => {
    expect(fragmentToText(fragmentOf(seededDoc())).split('\n')).toEqual([
      'Convention de mutualisation',
      'Les élu·e·s de l’intercommunalité adoptent la «\u202fcharte commune\u202f».',
      'Objet',
      'Le service commun est décrit sur le site officiel.',
      'Périmètre',
      'Voirie',
      'Entretien',
      'Déneigement',
      'Éclairage public',
      'Modalités',
      'Délibération concordante',
      'Signature',
      'Commune', 'Population', 'Quote-part',
      'Saint-Étienne', '1 200', '40 %',
      'L’Haÿ', '1 800', '60 %',
      'Fait à Lyon, le 3 mars.',
    ]);
  });

  it('reads hard breaks as line breaks', () => {
    const doc = seededDoc({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a' }, { type: 'hardBreak' }, { type: 'text', text: 'b' }] }],
    });
    expect(fragmentToText(fragmentOf(doc))).toBe('a\nb');
  });
});

describe('jsonToUpdate', () => {
  it('is one update creating the content in the "default" fragment of a fresh doc', () => {
    const update = jsonToUpdate(EDITOR_FIXTURE);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, update);
    expect(doc.share.has('default')).toBe(true);
    expect(fragmentOf(doc).length).toBe(10);
    expect(fragmentToJSON(fragmentOf(doc))).toEqual(editorSchema.nodeFromJSON(EDITOR_FIXTURE).toJSON());
  });

  it('refuses content the schema does not allow instead of seeding it', () => {
    expect(() => jsonToUpdate({ type: 'doc', content: [{ type: 'mystery' }] })).toThrow();
    expect(() =>
      jsonToUpdate({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'heading', attrs: { level: 1 } }] }] }),
    ).toThrow();
    expect(() => jsonToUpdate({ type: 'paragraph' })).toThrow(/doc/);
  });
});

describe('reading never writes', () => {
  it('emits no update, even for an element the schema does not know (y-tiptap would delete it)', () => {
    const doc = seededDoc();
    doc.transact(() => fragmentOf(doc).insert(1, [new Y.XmlElement('mystery')]));
    let updates = 0;
    doc.on('update', () => updates++);
    const json = fragmentToJSON(fragmentOf(doc));
    fragmentToText(fragmentOf(doc));
    listSections(doc);
    expect(updates).toBe(0);
    expect(json.content).toHaveLength(10);
    expect((fragmentOf(doc).get(1) as Y.XmlElement).nodeName).toBe('mystery');
  });
});
