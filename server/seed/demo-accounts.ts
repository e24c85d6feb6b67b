import type { Role } from '../../shared/auth/roles.js';

/** The demo accounts (password `demo`), which exist only in demo mode. Commune/partner refer to seed keys. */
export const DEMO_PASSWORD = 'demo';

export type DemoAccount = {
  email: string;
  name: string;
  role: Role;
  title?: string;
  /** INSEE code of the commune for communal roles. */
  communeInsee?: string;
  /** Partner name for partners. */
  partner?: string;
  /** Label of the one-click login button. */
  label: string;
  /** Added individually to the demo project (partners, observers). */
  projectMember?: boolean;
};

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'admin@demo.mutualab.fr', name: 'Alex Administrateur', role: 'administrateur', label: 'Administrateur·rice' },
  {
    email: 'vp@demo.mutualab.fr',
    name: 'Claire Martin',
    role: 'elu_communautaire',
    title: 'Vice-présidente déléguée à la jeunesse',
    label: 'Vice-présidente déléguée (animatrice)',
  },
  { email: 'elu.fayence@demo.mutualab.fr', name: 'Jean Roux', role: 'elu_communal', title: 'Adjoint à la jeunesse', communeInsee: '83055', label: 'Élu de Fayence' },
  { email: 'elu.seillans@demo.mutualab.fr', name: 'Sophie Garnier', role: 'elu_communal', title: 'Maire', communeInsee: '83124', label: 'Élue de Seillans' },
  { email: 'tech.epci@demo.mutualab.fr', name: 'Nadia Benali', role: 'technicien_communautaire', title: 'Cheffe de projet mutualisation', label: 'Technicienne communautaire' },
  { email: 'tech.fayence@demo.mutualab.fr', name: 'Luc Bernard', role: 'technicien_communal', title: 'Coordinateur enfance-jeunesse', communeInsee: '83055', label: 'Technicien de Fayence' },
  { email: 'caf@demo.mutualab.fr', name: 'Inès Moreau', role: 'partenaire', title: 'Conseillère territoriale', partner: 'CAF du Var', label: 'Partenaire (CAF du Var)', projectMember: true },
  { email: 'observateur@demo.mutualab.fr', name: 'Paul Lefèvre', role: 'observateur', title: 'Directeur général des services', label: 'Observateur', projectMember: true },
];
