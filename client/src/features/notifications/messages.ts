/** French texts of the notification centre (bell in the header, list page). */
export const nm = {
  bell: 'Notifications',
  bellUnread: (n: number) => (n === 0 ? 'Notifications, aucune non lue' : `Notifications, ${n} non lue${n > 1 ? 's' : ''}`),
  panelTitle: 'Notifications',
  markAll: 'Tout marquer comme lu',
  markRead: 'Marquer comme lue',
  markReadOf: (title: string) => `Marquer comme lue : « ${title} »`,
  unread: 'Non lue',
  seeAll: 'Voir toutes les notifications',
  empty: 'Aucune notification',
  emptyText: 'Vous serez notifié·e ici des mentions, des réponses à vos fils, des tours de table de votre commune et des décisions sur vos amendements.',
  pageTitle: 'Mes notifications',
  onlyUnread: 'Seulement les non lues',
  more: 'Afficher plus',
  loading: 'Chargement des notifications…',
};
