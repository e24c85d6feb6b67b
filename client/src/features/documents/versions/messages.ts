/** French texts of the versions panel (kept beside it: the panel is rendered inside the editor's side panel). */
import type { VersionKind } from '../../../../../shared/versions/types.js';

export const versionMessages = {
  title: 'Versions',
  intro: 'Une version fige le texte à un instant donné. Vous pouvez la consulter, la comparer au texte actuel ou la restaurer.',
  empty: 'Aucune version pour l’instant.',
  loading: 'Chargement des versions…',
  createTitle: 'Créer une version',
  labelField: 'Nom de la version',
  labelHint: 'Par exemple « Avant l’atelier du 12 mars » (120 caractères au plus).',
  labelRequired: 'Donnez un nom à la version.',
  create: 'Créer une version',
  creating: 'Création…',
  created: (label: string) => `Version « ${label} » créée.`,
  listLabel: 'Versions du document, de la plus récente à la plus ancienne',
  /** Followed by the formatted date (in a <time> element). */
  by: (name: string) => `par ${name}, le `,
  kinds: { manual: 'Nommée', phase: 'Changement de phase', restore_backup: 'Sauvegarde avant restauration' } satisfies Record<VersionKind, string>,
  view: 'Consulter',
  compare: 'Comparer avec maintenant',
  restore: 'Restaurer',
  close: 'Fermer',
  viewTitle: (label: string) => `Version « ${label} » (lecture seule)`,
  compareTitle: (label: string) => `Différences entre « ${label} » et le texte actuel`,
  compareLegend: 'Le texte supprimé depuis la version est barré, le texte ajouté est souligné.',
  noDifference: 'Aucune différence : le texte actuel est identique à cette version.',
  stats: (s: { added: number; removed: number; changed: number }) =>
    `${s.changed} paragraphe(s) modifié(s), ${s.added} ajouté(s), ${s.removed} supprimé(s).`,
  status: { same: 'Inchangé', added: 'Ajouté', removed: 'Supprimé', changed: 'Modifié' },
  insStart: 'Début d’ajout : ',
  delStart: 'Début de suppression : ',
  confirmTitle: (label: string) => `Restaurer la version « ${label} » ?`,
  confirmText:
    'Le texte du document redeviendra celui de cette version, pour toutes les personnes connectées. Le texte actuel est d’abord sauvegardé dans une version « Avant la restauration », et rien n’est effacé de l’historique.',
  confirm: 'Oui, restaurer',
  restoring: 'Restauration…',
  restored: (label: string) => `Version « ${label} » restaurée. Le texte précédent a été sauvegardé.`,
  cancel: 'Annuler',
  emptyContent: 'Cette version ne contient aucun texte.',
};
