/** In-app notifications: kinds, French labels and the live event that tells a user a new one arrived. */

export const NOTIFICATION_KINDS = [
  'mention',
  'reply',
  'comment_on_my_commune',
  'round_opened',
  'round_closing_soon',
  'round_extended',
  'round_closed',
  'round_position_missing',
  'amendment_accepted',
  'amendment_rejected',
  'seance_invitation',
  'deliberation_recorded',
  'scenario_decided',
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  mention: 'Mention',
  reply: 'Réponse dans un fil',
  comment_on_my_commune: 'Commentaire sur les données de ma commune',
  round_opened: 'Tour de table ouvert',
  round_closing_soon: 'Tour de table bientôt clos',
  round_extended: 'Tour de table prolongé',
  round_closed: 'Tour de table clos',
  round_position_missing: 'Position de ma commune attendue',
  amendment_accepted: 'Amendement accepté',
  amendment_rejected: 'Amendement rejeté',
  seance_invitation: 'Invitation à une séance',
  deliberation_recorded: 'Délibération enregistrée',
  scenario_decided: 'Scénario retenu',
};

/** A notification as the API returns it. */
export type NotificationView = {
  id: string;
  projectId: string | null;
  kind: NotificationKind;
  title: string;
  body: string;
  /** In-app path to open (e.g. `/projets/:id/documents/:docId?commentaire=…`). */
  link: string;
  createdAt: string;
  readAt: string | null;
};

export type NotificationEventPayloads = {
  /** Sent only to the recipient: the notification centre refetches and bumps its unread badge. */
  'notification.created': { notificationId: string; kind: NotificationKind; title: string; link: string };
};
