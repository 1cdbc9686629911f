export { CasefileError, isCasefileError, type ErrorCode, type ValidationIssue } from './errors.js';
export { CaseFileSchema, type CaseFile, type OrgNode, SLUG_PATTERN } from './record/schema.js';
export { SECTIONS, SECTION_IDS, type SectionId, type SectionInfo } from './record/sections.js';
export { loadRecord, parseRecord, type LoadedRecord, type LoadRecordOptions, type ParseRecordOptions } from './record/load.js';
export { listRecords, listRecordFiles, type RecordSummary } from './record/list.js';
export {
  importPageTexts,
  convertPageText,
  type ImportOptions,
  type ImportResult,
  type ConvertedText,
  type ReadingNote,
  type ReadingNoteKind,
} from './api/import.js';
export { validateRecord } from './record/validate.js';
export { formatPageText } from './record/page-text/format.js';
export { exportPageText, type ExportPageTextOptions } from './record/page-text/export.js';
export { makePageText, type MakePageTextOptions, type MadePageText } from './api/page-text.js';
export { findBrowser, type FoundBrowser } from './browser/find.js';
export { launchBrowser, withBrowser, type BrowserHandle } from './browser/launch.js';
export { createPagePool, type PagePool, type PagePoolOptions, type PageSource } from './browser/page-pool.js';
export { connectBrowser, remoteChromiumArgs, type RemoteBrowserHandle } from './browser/connect.js';
export { openPrintTarget, withPrintTarget, type PageOpener, type PrintTarget } from './browser/target.js';
export { loadTemplates, type TemplateSet } from './dossier/templates.js';
export { renderDossierHtml } from './dossier/html.js';
export { PAPER_NAMES, type PaperName } from './dossier/paper.js';
export { DOSSIER_FLOWS, type DossierFlow } from './dossier/flow.js';
export {
  renderDossier,
  printDossier,
  finishDossier,
  makeDossier,
  type MadeDossier,
  type MakeDossierOptions,
  type PrintedDossier,
} from './api/dossier.js';
export { renderPoster, makePoster, tilePosterPdf, type MadePoster, type MakePosterOptions } from './api/poster.js';
export { POSTER_SIZE_NAMES, type PosterSizeName } from './print/poster-sizes.js';
export { TILE_SHEET_NAMES, planTiles, type TileSheetName, type TilePlan } from './print/tile-plan.js';
export { parseLengthMm } from './print/length.js';
export { layoutOrgChart } from './dossier/figures/org-chart-layout.js';
export { orgChartSvg } from './dossier/figures/org-chart-svg.js';
export { HELPERS } from './dossier/helpers.js';
export { createCardRenderer, type CardRenderer, type CardRendererOptions } from './cards/renderer.js';
export { planCards, CARD_IDS, CARD_FORMATS, type CardId, type CardJob, type CardFormat, type PlanOptions } from './cards/plan.js';
export type { RenderedCard } from './cards/render.js';
export { cardAltText, ALT_TEXT_MAX_LENGTH } from './cards/alt-text/card-alt.js';
export { ENGINE_NAMES, ENGINE_FORMATS, DEFAULT_ENGINE, type EngineName } from './cards/engines/engine.js';
export { SIZE_PRESETS, SIZE_PRESET_NAMES, parseSize, type CardSize, type SizePresetName } from './cards/sizes.js';
export { makeCards, type MakeCardsOptions, type MadeCards, type CardOutput } from './api/cards.js';
export { startServer, type ServeOptions, type CasefileServer } from './serve/server.js';
export { writeFileAtomic } from './output/atomic.js';
export { VERSION } from './version.js';
export { ThemeSchema, type Theme, type ThemeColours, type ThemeFonts } from './theme/schema.js';
export { loadThemeFile, resolveTheme, type ResolvedTheme } from './theme/load.js';
export { ConfigSchema, loadConfig, type BuildConfig } from './settings/config.js';
export { DEFAULTS, type Defaults } from './settings/defaults.js';
export type { CardSettings } from './cards/render.js';
export type { LayoutContext, LayoutHelpers, LayoutTheme, FitOptions } from './cards/layout-context.js';
export { LAYOUT_TIME_LIMIT_MS, type CardLayout, type CardLayoutResult } from './cards/user-layouts.js';
export type { CardElement, CardChild, Style } from './cards/element.js';
export type { FittedText } from './cards/fit.js';
export type { TextRole, RoleName } from './cards/theme.js';
