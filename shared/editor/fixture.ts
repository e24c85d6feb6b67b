import type { JSONContent } from '@tiptap/core';

/** A table cell (or header cell) holding one plain paragraph; cell attributes are left to schema defaults. */
const cell = (type: 'tableHeader' | 'tableCell', text: string): JSONContent => ({
  type,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

/**
 * A ProseMirror JSON document exercising every structure the editor schema allows in practice:
 * three heading levels, a three-level bullet list, an ordered list, a 3×3 table with a header row,
 * bold/italic/link marks and French typography (guillemets with narrow no-break spaces, typographic
 * apostrophe, inclusive middle dot). Shared by the editor toolkit tests and, later, the export tests,
 * so that every converter is checked against the same tricky content.
 */
export const EDITOR_FIXTURE: JSONContent = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Convention de mutualisation' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Les ' },
        { type: 'text', marks: [{ type: 'bold' }], text: 'élu·e·s' },
        { type: 'text', text: ' de l’intercommunalité adoptent la «\u202fcharte commune\u202f».' },
      ],
    },
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Objet' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Le service ' },
        { type: 'text', marks: [{ type: 'italic' }], text: 'commun' },
        { type: 'text', text: ' est décrit sur ' },
        {
          type: 'text',
          marks: [
            {
              type: 'link',
              attrs: {
                href: 'https://www.collectivites-locales.gouv.fr',
                target: '_blank',
                rel: 'noopener noreferrer nofollow',
                class: null,
                title: null,
              },
            },
          ],
          text: 'le site officiel',
        },
        { type: 'text', text: '.' },
      ],
    },
    { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Périmètre' }] },
    {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'Voirie' }] },
            {
              type: 'bulletList',
              content: [
                {
                  type: 'listItem',
                  content: [
                    { type: 'paragraph', content: [{ type: 'text', text: 'Entretien' }] },
                    {
                      type: 'bulletList',
                      content: [
                        {
                          type: 'listItem',
                          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Déneigement' }] }],
                        },
                      ],
                    },
                  ],
                },
              ],
            },
          ],
        },
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Éclairage public' }] }] },
      ],
    },
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Modalités' }] },
    {
      type: 'orderedList',
      attrs: { start: 1, type: null },
      content: [
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Délibération concordante' }] }] },
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Signature' }] }] },
      ],
    },
    {
      type: 'table',
      content: [
        {
          type: 'tableRow',
          content: [
            cell('tableHeader', 'Commune'),
            cell('tableHeader', 'Population'),
            cell('tableHeader', 'Quote-part'),
          ],
        },
        {
          type: 'tableRow',
          content: [
            cell('tableCell', 'Saint-Étienne'),
            cell('tableCell', '1 200'),
            cell('tableCell', '40 %'),
          ],
        },
        {
          type: 'tableRow',
          content: [
            cell('tableCell', 'L’Haÿ'),
            cell('tableCell', '1 800'),
            cell('tableCell', '60 %'),
          ],
        },
      ],
    },
    { type: 'paragraph', content: [{ type: 'text', text: 'Fait à Lyon, le 3 mars.' }] },
  ],
};
