/**
 * How the dossier's sections meet the page: `sheets` starts every section on its own sheet (the
 * default, for reading and binding); `compact` runs them on one after another, for home printers.
 */
export const DOSSIER_FLOWS = ['sheets', 'compact'] as const;
export type DossierFlow = (typeof DOSSIER_FLOWS)[number];
