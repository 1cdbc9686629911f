/**
 * The one way a command's settings are made: `{ ...defaults, ...config file, ...flags given }`.
 * The defaults are src/settings/defaults.ts; the config file is casefile.config.json (or
 * --config), each command reading the keys docs/cli.md lists for it, with paths relative to the
 * file; the flags are those given, each already checked and in the settings' own words.
 */
import path from 'node:path';
import type { Argv } from 'yargs';
import type { LoadedConfig } from '../settings/config.js';
import { CONFIG_FILE } from '../settings/config-file.js';
import { DEFAULTS, withDefaults, type Defaults } from '../settings/defaults.js';
import type { ResolvedTheme } from '../theme/load.js';
import type { Theme } from '../theme/schema.js';
import type { GlobalArgs } from './options.js';

/** A theme to load: a --theme file, or the config file's own `theme`. */
export type ThemeSource = { file: string } | { inline: Theme; config: LoadedConfig };

/** Everything a command's settings may hold, by the names the library uses. */
export interface Settings extends Omit<Defaults, 'sizes'> {
  /** Presets or WxH (the default is presets only). */
  sizes: readonly string[];
  templatesDir?: string;
  cardLayoutsDir?: string;
  theme?: ThemeSource;
  /** Where the records are published, and the QR code's URL template. */
  baseUrl?: string;
  qrUrl?: string;
  /** A browser to launch, or a running one to connect to. */
  browser?: string;
  browserWs?: string;
  /** Only these cards (cover and section ids). */
  sections?: readonly string[];
  shardTotal?: number;
}

/** Layers are partial: a key a layer leaves undefined keeps the value under it. */
export type SettingsLayer = { [K in keyof Settings]?: Settings[K] | undefined };

/** What a command works with once the layers are merged: the theme loaded. */
export interface ResolvedSettings extends Omit<Settings, 'theme'> {
  theme?: ResolvedTheme;
  /** The config file's layer, for the few messages that name where a value came from. */
  fromConfig: SettingsLayer;
  /** The config file read (or looked for): --config, else casefile.config.json. */
  configFile: string;
}

/** The config file's keys each command reads (docs/cli.md "The config file"), by setting. */
const CONFIG_READS = {
  pdf: ['dataDir', 'outDir', 'templatesDir', 'theme', 'paper', 'flow', 'baseUrl', 'qrUrl', 'browserWs'],
  poster: ['dataDir', 'outDir', 'templatesDir', 'theme', 'baseUrl', 'qrUrl', 'browserWs'],
  cards: ['dataDir', 'outDir', 'theme', 'cardLayoutsDir', 'sizes', 'scale', 'formats', 'engine', 'quality', 'workers'],
  preview: ['dataDir', 'outDir', 'templatesDir', 'theme', 'cardLayoutsDir', 'paper', 'flow', 'sizes', 'engine', 'baseUrl', 'qrUrl', 'browserWs'],
  serve: ['dataDir', 'templatesDir', 'theme', 'cardLayoutsDir', 'paper', 'flow', 'engine', 'quality', 'baseUrl', 'qrUrl', 'browserWs'],
  build: [
    'dataDir', 'outDir', 'templatesDir', 'theme', 'cardLayoutsDir', 'paper', 'flow', 'sizes', 'scale', 'formats', 'engine', 'quality',
    'concurrency', 'workers', 'shardTotal', 'baseUrl', 'qrUrl', 'browserWs',
  ],
} as const satisfies Record<string, readonly (keyof Settings)[]>;

export type RenderCommand = keyof typeof CONFIG_READS;

/** --config and --theme, for every rendering command. */
export function settingsOptions<T>(yargs: Argv<T>) {
  return yargs
    .option('config', { type: 'string', describe: `Settings file (default: ${CONFIG_FILE} if present); flags win over it` })
    .option('theme', { type: 'string', describe: 'Theme JSON file (name, tagline, site, url, colors, logo, fonts); replaces the config file\'s theme' });
}

/** --card-layouts, for the commands that draw cards. */
export function cardLayoutsOption<T>(yargs: Argv<T>) {
  return yargs.option('card-layouts', { type: 'string', describe: 'Folder of your own card layouts, <card-id>.js or .mjs (trusted code)' });
}

/** The flags every rendering command shares, as settings. */
export function settingsFlags(args: GlobalArgs & { theme?: string | undefined; templates?: string | undefined; 'card-layouts'?: string | undefined }): SettingsLayer {
  return {
    dataDir: args['data-dir'],
    outDir: args['out-dir'],
    templatesDir: args.templates,
    cardLayoutsDir: args['card-layouts'],
    theme: args.theme === undefined ? undefined : { file: args.theme },
  };
}

/** The config file in the settings' words: its paths resolved against its folder, `layout` read as `flow`. */
function configLayer(loaded: LoadedConfig): SettingsLayer {
  const config = loaded.value;
  const inFolder = (value: string | undefined) => (value === undefined ? undefined : path.resolve(loaded.dir, value));
  return {
    dataDir: inFolder(config.dataDir),
    outDir: inFolder(config.outDir),
    templatesDir: inFolder(config.templates),
    cardLayoutsDir: inFolder(config.cardLayouts),
    theme: config.theme === undefined ? undefined : { inline: config.theme, config: loaded },
    paper: config.paper,
    flow: config.flow ?? config.layout,
    sizes: config.sizes,
    scale: config.scale,
    formats: config.formats,
    engine: config.engine,
    quality: config.quality,
    concurrency: config.concurrency,
    workers: config.workers,
    shardTotal: config.shardTotal,
    baseUrl: config.baseUrl,
    qrUrl: config.qrUrl,
    browserWs: config.browserWs,
  };
}

async function loadTheme(source: ThemeSource): Promise<ResolvedTheme> {
  const { loadThemeFile, resolveTheme } = await import('../theme/load.js');
  return 'file' in source ? loadThemeFile(source.file) : resolveTheme(source.inline, source.config, ['theme']);
}

/** `{ ...DEFAULTS, ...the config keys `command` reads, ...flags }`, then the theme loaded. */
export async function resolveSettings(command: RenderCommand, args: { config?: string | undefined }, flags: SettingsLayer): Promise<ResolvedSettings> {
  const configFile = args.config ?? CONFIG_FILE;
  // Loaded here, not at start-up: the config's schema is zod and most of the record's schemas, which --help, --version and usage errors never read.
  const { loadConfigFile } = await import('../settings/config.js');
  const loaded = await loadConfigFile(configFile, args.config !== undefined);
  const everything = configLayer(loaded);
  const fromConfig: SettingsLayer = Object.fromEntries(CONFIG_READS[command].map((key) => [key, everything[key]]));
  const { theme, ...settings } = withDefaults(DEFAULTS, fromConfig, flags);
  return { ...settings, ...(theme ? { theme: await loadTheme(theme) } : {}), fromConfig, configFile };
}
