/**
 * What every rendering command (pdf, poster, cards, build, preview) takes from
 * casefile.config.json: folders, templates, the theme and card layouts. A flag given on the
 * command line wins over the file; paths in the file are relative to the file.
 */
import path from 'node:path';
import type { Argv } from 'yargs';
import { CONFIG_FILE, loadConfigFile, type BuildConfig, type LoadedConfig } from '../build/config.js';
import { loadThemeFile, resolveTheme, type ResolvedTheme } from '../theme/load.js';
import type { GlobalArgs } from './options.js';

export interface SettingsArgs extends GlobalArgs {
  config?: string;
  theme?: string;
  templates?: string;
  cardLayouts?: string;
}

export interface RenderSettings {
  config: BuildConfig;
  dataDir: string;
  outDir: string;
  templatesDir?: string;
  theme?: ResolvedTheme;
  cardLayoutsDir?: string;
  /** Paths named in the config resolved against its folder. */
  fromConfig(value: string | undefined): string | undefined;
  /** Was this flag (kebab-case, no dashes) on the command line? */
  given(flag: string): boolean;
}

/** --config and --theme for every rendering command; --card-layouts for the ones that draw cards. */
export function settingsOptions<T>(yargs: Argv<T>, options: { cardLayouts: boolean }): Argv<T> {
  const withConfig = yargs
    .option('config', { type: 'string', describe: `Settings file (default: ${CONFIG_FILE} if present); flags win over it` })
    .option('theme', { type: 'string', describe: 'Theme JSON file (name, tagline, site, url, colors, logo, fonts); replaces the config file\'s theme' });
  return options.cardLayouts
    ? withConfig.option('card-layouts', { type: 'string', describe: 'Folder of your own card layouts, <card-id>.js or .mjs (trusted code)' })
    : withConfig;
}

export async function loadRenderSettings(args: SettingsArgs, argv: readonly string[]): Promise<RenderSettings> {
  const loaded: LoadedConfig = await loadConfigFile(args.config ?? CONFIG_FILE, args.config !== undefined);
  const config = loaded.value;
  const given = (flag: string) => argv.some((arg) => arg === `--${flag}` || arg.startsWith(`--${flag}=`));
  const fromConfig = (value: string | undefined) => (value === undefined ? undefined : path.resolve(loaded.dir, value));
  const theme = args.theme !== undefined ? await loadThemeFile(args.theme) : config.theme ? await resolveTheme(config.theme, loaded, ['theme']) : undefined;
  const templatesDir = args.templates ?? fromConfig(config.templates);
  const cardLayoutsDir = args.cardLayouts ?? fromConfig(config.cardLayouts);
  return {
    config,
    dataDir: given('data-dir') ? args.dataDir : (fromConfig(config.dataDir) ?? args.dataDir),
    outDir: given('out-dir') ? args.outDir : (fromConfig(config.outDir) ?? args.outDir),
    ...(templatesDir ? { templatesDir } : {}),
    ...(theme ? { theme } : {}),
    ...(cardLayoutsDir ? { cardLayoutsDir } : {}),
    fromConfig,
    given,
  };
}
