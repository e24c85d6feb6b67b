/** Service domains a project (démarche) may span; a transversal project spans several. */
export const PROJECT_DOMAINS = [
  'jeunesse',
  'petite_enfance',
  'urbanisme',
  'habitat',
  'voirie',
  'developpement_economique',
  'social',
  'culture',
  'education',
  'autre',
] as const;

export type ProjectDomain = (typeof PROJECT_DOMAINS)[number];

export const DOMAIN_LABELS: Record<ProjectDomain, string> = {
  jeunesse: 'Jeunesse',
  petite_enfance: 'Petite enfance',
  urbanisme: 'Urbanisme',
  habitat: 'Habitat',
  voirie: 'Voirie',
  developpement_economique: 'Développement économique',
  social: 'Social',
  culture: 'Culture',
  education: 'Éducation',
  autre: 'Autre',
};
