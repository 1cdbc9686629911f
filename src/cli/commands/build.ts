import type { CommandModule } from 'yargs';
import type { BuildSummary } from '../../build/batch.js';
import { loadRenderSettings, settingsOptions, type SettingsArgs } from '../settings.js';
import { BUILD_DEFAULTS, type BuildOptions, type OutputKind } from '../../build/options.js';
import { parseShard } from '../../build/shard.js';
import { shardFromEnvironment } from '../../build/shard-env.js';
import { CasefileError } from '../../errors.js';
import { DOSSIER_FLOWS, type DossierFlow } from '../../dossier/flow.js';
import { PAPER_NAMES, type PaperName } from '../../dossier/paper.js';
import type { CommandContext } from '../context.js';
import { qrLink, resolveBrowserWs, timeoutMs, type GlobalArgs } from '../options.js';
import { browserOptions, qrOptions, type BrowserArgs, type QrArgs } from '../print-options.js';
import { createProgress } from '../progress.js';

interface BuildArgs extends SettingsArgs, BrowserArgs, QrArgs {
  records: string[];
  only?: OutputKind;
  size?: string[];
  section?: string[];
  scale?: number;
  format?: string[];
  engine?: string;
  quality?: number;
  paper?: PaperName;
  layout?: DossierFlow;
  templates?: string;
  concurrency?: number;
  shard?: string;
  shardTotal?: number;
  prune: boolean;
  force: boolean;
  config?: string;
  timeout: number;
}

const splitList = (values: string[] | undefined) => values?.flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);

/** Flags win over the config file, which wins over the defaults. */
async function resolveOptions(args: BuildArgs, argv: readonly string[], say: (line: string) => void): Promise<BuildOptions & { shardFrom?: string }> {
  const settings = await loadRenderSettings(args, argv);
  const { config, templatesDir } = settings;
  const baseUrl = args.baseUrl ?? config.baseUrl;
  const qrUrlTemplate = args.qrUrl ?? config.qrUrl;
  if (baseUrl !== undefined) qrLink(baseUrl, qrUrlTemplate);
  const browserWs = resolveBrowserWs(args.browserWs, process.env, config.browserWs, args.browser);
  let shard: BuildOptions['shard'];
  let shardFrom: string | undefined;
  if (args.shard === 'auto') {
    const resolved = shardFromEnvironment(process.env, args.shardTotal ?? config.shardTotal, args.shardTotal === undefined ? 'shardTotal in the config' : '--shard-total');
    say(`shard ${resolved.shard.index}/${resolved.shard.count} from ${resolved.from}`);
    shard = resolved.shard;
    shardFrom = resolved.from;
  } else if (args.shard !== undefined) {
    shard = parseShard(args.shard);
  }
  return {
    ...BUILD_DEFAULTS,
    records: args.records,
    dataDir: settings.dataDir,
    outDir: settings.outDir,
    ...(settings.theme ? { theme: settings.theme } : {}),
    ...(settings.cardLayoutsDir ? { cardLayoutsDir: settings.cardLayoutsDir } : {}),
    kinds: args.only ? [args.only] : BUILD_DEFAULTS.kinds,
    sizes: splitList(args.size) ?? config.sizes ?? BUILD_DEFAULTS.sizes,
    ...(args.section ? { sections: splitList(args.section)! } : {}),
    scale: args.scale ?? config.scale ?? BUILD_DEFAULTS.scale,
    formats: splitList(args.format) ?? config.formats ?? BUILD_DEFAULTS.formats,
    engine: args.engine ?? config.engine ?? BUILD_DEFAULTS.engine,
    ...((args.quality ?? config.quality) !== undefined ? { quality: (args.quality ?? config.quality)! } : {}),
    paper: args.paper ?? (config.paper as PaperName | undefined) ?? BUILD_DEFAULTS.paper,
    layout: args.layout ?? config.layout ?? BUILD_DEFAULTS.layout,
    concurrency: args.concurrency ?? config.concurrency ?? BUILD_DEFAULTS.concurrency,
    force: args.force,
    prune: args.prune,
    timeoutMs: timeoutMs(args.timeout),
    ...(templatesDir ? { templatesDir } : {}),
    ...(baseUrl ? { baseUrl } : {}),
    ...(qrUrlTemplate ? { qrUrl: qrUrlTemplate } : {}),
    ...(shard ? { shard } : {}),
    ...(shardFrom ? { shardFrom } : {}),
    ...(args.browser ? { browserPath: args.browser } : {}),
    ...(browserWs ? { browserWs } : {}),
  };
}

function summaryLine(summary: BuildSummary): string {
  const seconds = (summary.durationMs / 1000).toFixed(1);
  const removed = summary.pruned.length > 0 ? `, ${summary.pruned.length} removed` : '';
  return `${summary.records} records: ${summary.made} made, ${summary.skipped} skipped, ${summary.failed} failed${removed} in ${seconds}s`;
}

export function buildCommand(context: CommandContext, argv: readonly string[]): CommandModule<GlobalArgs, BuildArgs> {
  return {
    command: 'build [records..]',
    describe: 'Build every dossier and card (or those of the records named), skipping what is unchanged',
    builder: (yargs) =>
      qrOptions(browserOptions(settingsOptions(yargs, { cardLayouts: true })), 'writes <slug>/meta.html with og:image tags and prints a QR code to <base-url>/<slug>/ on each dossier')
        .positional('records', { type: 'string', array: true, default: [] as string[], describe: 'Slugs, globs (e.g. "lead-*") or record files; default all' })
        .option('only', { choices: ['dossier', 'cards'] as OutputKind[], describe: 'Build only dossiers or only cards' })
        .option('size', { type: 'string', array: true, describe: 'Card sizes: og, x, linkedin, square, story or WxH (repeat or comma-separate)' })
        .option('section', { type: 'string', array: true, describe: 'Only these cards: cover and section ids (repeat or comma-separate)' })
        .option('scale', { type: 'number', describe: 'Card pixel density, e.g. 2' })
        .option('format', { type: 'string', array: true, describe: 'Card formats: png, svg, webp, jpeg (webp and jpeg need --engine takumi)' })
        .option('engine', { type: 'string', describe: 'What draws the cards: satori (default) or takumi (faster, native)' })
        .option('quality', { type: 'number', describe: 'webp and jpeg quality, 1 to 100 (default 85)' })
        .option('paper', { choices: PAPER_NAMES, describe: 'Dossier paper size' })
        .option('layout', { choices: DOSSIER_FLOWS, describe: 'Dossier layout: sheets (each section opens a sheet, default) or compact (sections run on)' })
        .option('templates', { type: 'string', describe: 'Folder of your own dossier templates' })
        .option('concurrency', { type: 'number', describe: 'Pages printing at once and card workers (default: the number of cores)' })
        .option('shard', { type: 'string', describe: 'Build part i of n of the records, e.g. 2/4, or "auto" to read it from the CI (GitLab, CircleCI, Buildkite, Kubernetes, CASEFILE_SHARD)' })
        .option('shard-total', { type: 'number', describe: 'With --shard auto, the number of shards where the CI gives only an index (Kubernetes Indexed Job)' })
        .option('prune', { type: 'boolean', default: true, describe: 'Remove outputs an earlier build made that this build no longer makes (--no-prune keeps them)' })
        .option('force', { type: 'boolean', default: false, describe: 'Rebuild everything, ignoring the cache' })
        .option('timeout', { type: 'number', default: 60, describe: 'Seconds one dossier may take' })
        .check((parsed) => {
          if (parsed.concurrency !== undefined && (!Number.isInteger(parsed.concurrency) || parsed.concurrency < 1)) {
            throw new CasefileError('E_USAGE', '--concurrency must be a whole number of at least 1');
          }
          if (parsed.shard !== undefined && parsed.shard !== 'auto') parseShard(parsed.shard);
          const shardTotal = parsed.shardTotal as number | undefined;
          if (shardTotal !== undefined && (!Number.isInteger(shardTotal) || shardTotal < 1)) {
            throw new CasefileError('E_USAGE', '--shard-total must be a whole number of at least 1');
          }
          return true;
        })
        .example('$0 build', 'Everything in data/ into out/, then out/manifest.json and out/index.html')
        .example('$0 build "lead-*" --only cards --size og,square', 'Some records, cards only, two sizes')
        .example('$0 build --base-url https://example.org/roles --shard 1/4', 'First quarter of a CI matrix, with meta tags')
        .example('$0 build --shard auto', 'The shard the CI says (CI_NODE_INDEX, CIRCLE_NODE_INDEX, BUILDKITE_PARALLEL_JOB, JOB_COMPLETION_INDEX or CASEFILE_SHARD)') as never,
    handler: async (args) => {
      const { reporter } = context;
      const options = await resolveOptions(args, argv, (line) => reporter.info(line));
      reporter.debug(`build: ${options.concurrency} at once, out ${options.outDir}`);
      const controller = new AbortController();
      const interrupt = () => {
        if (controller.signal.aborted) process.exit(130);
        reporter.warn('interrupted: stopping after closing the browser and workers (press Ctrl-C again to force)');
        controller.abort();
      };
      process.on('SIGINT', interrupt);
      process.on('SIGTERM', interrupt);
      const progress = createProgress(reporter);
      try {
        // Loaded here, not at start-up: --help, --version and usage errors need no browser or card code.
        const { buildSite } = await import('../../build/batch.js');
        const summary = await buildSite(options, progress, controller.signal);
        // Stop the bar before the summary prints under it; stop() is safe to call again below.
        progress.stop();
        const shard = options.shard ? { shard: { ...options.shard, ...(options.shardFrom ? { from: options.shardFrom } : {}) } } : {};
        reporter.result({ ...summary, ...shard, manifest: undefined, outputs: summary.manifest.outputs });
        reporter.info(summaryLine(summary));
        context.exitCode = summary.failed > 0 ? 1 : 0;
      } finally {
        progress.stop();
        process.off('SIGINT', interrupt);
        process.off('SIGTERM', interrupt);
      }
    },
  };
}
