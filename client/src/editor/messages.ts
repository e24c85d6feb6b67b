/** French strings of the rich-text editor (toolbar, outline). */
export const em = {
  toolbar: 'Mise en forme',
  heading: (level: number) => `Titre de niveau ${level}`,
  bold: 'Gras',
  italic: 'Italique',
  link: 'Lien',
  linkPrompt: 'Adresse du lien (laisser vide pour retirer le lien)',
  bulletList: 'Liste à puces',
  orderedList: 'Liste numérotée',
  insertTable: 'Insérer un tableau',
  addRow: 'Ajouter une ligne au tableau',
  addColumn: 'Ajouter une colonne au tableau',
  undo: 'Annuler la dernière modification',
  redo: 'Rétablir',
  outline: 'Plan du document',
  outlineEmpty: 'Ajoutez des titres pour construire le plan.',
  untitled: '(titre vide)',
};
