/**
 * What the preview renders with: the settings (theme, templates, layouts, paper, flow, QR code)
 * and the fingerprint of the installed templates and layouts, read again whenever the config or
 * theme file changes. A settings file that fails to load is kept as the error every page shows.
 */
import { computeFingerprint, installedSources, type Fingerprint } from '../site/fingerprint.js';
import type { CardSettings } from '../cards/render.js';
import type { CasefileError } from '../errors.js';
import type { RenderSettings } from '../http/render-settings.js';
import { asError } from '../http/respond.js';

/** What the preview renders with; reloaded when the config or theme file changes. */
export type PreviewSettings = RenderSettings;

export interface PreviewState {
  /** The settings, or undefined while they fail to load (see `error`). */
  readonly settings: PreviewSettings | undefined;
  /** Why the settings did not load, shown in every page until they do. */
  readonly error: CasefileError | undefined;
  /** Loads the settings again (after a change of the config or theme file). */
  reload(): Promise<void>;
  /** The settings and fingerprint to render with; throws the settings' error when they did not load. */
  usable(): { settings: PreviewSettings; fingerprint: Fingerprint };
  /** The theme and layouts the cards are drawn with now. */
  cardSettings(): CardSettings;
}

/** Loads the settings once before returning, so the first request has them (or their error). */
export async function createPreviewState(loadSettings: () => Promise<PreviewSettings>): Promise<PreviewState> {
  let settings: PreviewSettings | undefined;
  let fingerprint: Fingerprint | undefined;
  let error: CasefileError | undefined;
  const state: PreviewState = {
    get settings() {
      return settings;
    },
    get error() {
      return error;
    },
    async reload() {
      try {
        settings = await loadSettings();
        error = undefined;
        fingerprint = await computeFingerprint(installedSources(settings.templatesDir, settings.layoutsDir));
      } catch (failure) {
        error = asError(failure);
      }
    },
    usable() {
      if (error) throw error;
      return { settings: settings!, fingerprint: fingerprint! };
    },
    cardSettings: () => ({
      ...(settings?.theme ? { theme: settings.theme } : {}),
      ...(settings?.layoutsDir ? { layoutsDir: settings.layoutsDir } : {}),
    }),
  };
  await state.reload();
  return state;
}
