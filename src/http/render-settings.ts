/** What a server renders a site's dossiers and cards with, besides the records: the settings `preview` and `serve` share. */
import type { QrLink } from '../api/dossier.js';
import type { DossierFlow } from '../dossier/flow.js';
import type { PaperName } from '../dossier/paper.js';
import type { ResolvedTheme } from '../theme/load.js';

export interface RenderSettings {
  theme?: ResolvedTheme;
  templatesDir?: string;
  layoutsDir?: string;
  paper?: PaperName;
  /** The dossier's flow: sheets (default) or compact, as `pdf --flow` prints it. */
  flow?: DossierFlow;
  /** The QR code the printed dossier carries (the config's or the flags' base URL). */
  qr?: QrLink;
}
