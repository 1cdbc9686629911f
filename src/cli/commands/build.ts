import type { Argv, CommandModule } from 'yargs';
import type { BuildSummary } from '../../site/batch.js';
import type { BuildOptions, OutputKind } from '../../site/options.js';
import { parseShard } from '../../site/shard.js';
import { shardFromEnvironment } from '../../site/shard-env.js';
import { PAPER_NAMES } from '../../dossier/paper.js';
import { BOUNDS, DEFAULTS } from '../../settings/defaults.js';
import { cardFlags } from '../card-options.js';
import { cardWorkersOption } from '../card-workers-option.js';
import type { CommandContext } from '../context.js';
import { configOr, shown, timeoutMs, wholeNumber, type ArgsOf, type GlobalArgs } from '../options.js';
import { browserAndQrFlags, browserOptions, flowOption, qrAndBrowser, qrOptions } from '../print-options.js';
import { cardLayoutsOption, resolveSettings, settingsFlags, settingsOptions } from '../settings.js';
import { capHeapGrowth } from '../heap-growth.js';

const OUTPUT_KINDS: readonly OutputKind[] = ['dossier', 'cards'];

function buildOptions(yargs: Argv<GlobalArgs>) {
  const options = qrOptions(browserOptions(cardWorkersOption(cardLayoutsOption(settingsOptions(yargs)))), 'writes <slug>/meta.html with og:image tags and prints a QR code to <base-url>/<slug>/ on each dossier')
    .positional('records', { type: 'string', array: true, default: [] as string[], describe: 'Slugs, globs (e.g. "lead-*") or record files; default all' })
    .option('only', { choices: OUTPUT_KINDS, defaultDescription: 'both', describe: 'Build only dossiers or only cards' })
    .option('size', { type: 'string', array: true, defaultDescription: configOr(DEFAULTS.sizes), describe: 'Card sizes: og, x, linkedin, square, story or WxH (repeat or comma-separate)' })
    .option('section', { type: 'string', array: true, defaultDescription: 'all', describe: 'Only these cards: cover and section ids (repeat or comma-separate)' })
    .option('scale', { type: 'number', defaultDescription: configOr(DEFAULTS.scale), describe: 'Card pixel density, e.g. 2' })
    .option('format', { type: 'string', array: true, defaultDescription: configOr(DEFAULTS.formats), describe: 'Card formats: png, svg, webp, jpeg (webp and jpeg need --engine takumi)' })
    .option('engine', { type: 'string', defaultDescription: configOr(DEFAULTS.engine), describe: 'What draws the cards: satori or takumi (faster, native)' })
    .option('quality', { type: 'number', defaultDescription: configOr(DEFAULTS.quality), describe: 'webp and jpeg quality, 1 to 100' })
    .option('paper', { choices: PAPER_NAMES, defaultDescription: configOr(DEFAULTS.paper), describe: 'Dossier paper size' });
  return flowOption(options, 'The dossier\'s flow: sheets (each section opens a sheet) or compact (they run on)')
    .option('templates', { type: 'string', describe: 'Folder of your own dossier templates' })
    .option('concurrency', {
      type: 'number',
      defaultDescription: 'the config\'s, else the number of cores',
      describe: `Pages printing at once, ${BOUNDS.concurrency.min} to ${BOUNDS.concurrency.max} (card workers are --workers)`,
    })
    .option('shard', { type: 'string', describe: 'Build part i of n of the records, e.g. 2/4, or "auto" to read it from the CI (GitLab, CircleCI, Buildkite, Kubernetes, CASEFILE_SHARD)' })
    .option('shard-total', { type: 'number', defaultDescription: 'the config\'s shardTotal', describe: 'With --shard auto, the number of shards where the CI gives only an index (Kubernetes Indexed Job)' })
    .option('prune', { type: 'boolean', defaultDescription: shown(DEFAULTS.prune), describe: 'Remove outputs an earlier build made that this build no longer makes (--no-prune keeps them)' })
    .option('force', { type: 'boolean', defaultDescription: shown(DEFAULTS.force), describe: 'Rebuild everything, ignoring the cache' })
    .option('timeout', { type: 'number', defaultDescription: shown(DEFAULTS.dossierTimeoutMs / 1000), describe: 'Seconds one dossier may take' })
    .example('$0 build', 'Everything in data/ into out/, then out/manifest.json and out/index.html')
    .example('$0 build "lead-*" --only cards --size og,square', 'Some records, cards only, two sizes')
    .example('$0 build --base-url https://example.org/roles --shard 1/4', 'First quarter of a CI matrix, with meta tags')
    .example('$0 build --shard auto', 'The shard the CI says (CI_NODE_INDEX, CIRCLE_NODE_INDEX, BUILDKITE_PARALLEL_JOB, JOB_COMPLETION_INDEX or CASEFILE_SHARD)');
}

type BuildArgs = ArgsOf<typeof buildOptions>;

/** The shard to build: --shard i/n, or --shard auto read from the CI (its total from --shard-total, else the config, as `totalFrom` says). */
function resolveShard(shard: string | undefined, total: number | undefined, totalFrom: string, say: (line: string) => void): { shard?: BuildOptions['shard']; shardFrom?: string } {
  if (shard === undefined) return {};
  if (shard !== 'auto') return { shard: parseShard(shard) };
  const resolved = shardFromEnvironment(process.env, total, totalFrom);
  say(`shard ${resolved.shard.index}/${resolved.shard.count} from ${resolved.from}`);
  return { shard: resolved.shard, shardFrom: resolved.from };
}

/** Flags win over the config file, which wins over the defaults; every flag is checked before anything is read. */
async function resolveOptions(args: BuildArgs, say: (line: string) => void): Promise<BuildOptions & { shardFrom?: string }> {
  const flags = {
    ...settingsFlags(args),
    ...browserAndQrFlags(args),
    ...cardFlags(args),
    kinds: args.only === undefined ? undefined : [args.only],
    paper: args.paper,
    flow: args.layout,
    concurrency: wholeNumber('concurrency', args.concurrency, BOUNDS.concurrency),
    workers: wholeNumber('workers', args.workers, BOUNDS.workers),
    shardTotal: wholeNumber('shard-total', args['shard-total'], BOUNDS.shardTotal),
    force: args.force,
    prune: args.prune,
    dossierTimeoutMs: args.timeout === undefined ? undefined : timeoutMs(args.timeout),
  };
  if (args.shard !== undefined && args.shard !== 'auto') parseShard(args.shard);
  const settings = await resolveSettings('build', args, flags);
  const { qr, browserWs } = qrAndBrowser(settings, flags);
  const workersAsked = flags.workers ?? settings.fromConfig.workers;
  const shard = resolveShard(args.shard, settings.shardTotal, flags.shardTotal === undefined ? 'shardTotal in the config' : '--shard-total', say);
  return {
    records: args.records,
    dataDir: settings.dataDir,
    outDir: settings.outDir,
    kinds: settings.kinds,
    sizes: settings.sizes,
    ...(settings.sections ? { sections: settings.sections } : {}),
    scale: settings.scale,
    formats: settings.formats,
    engine: settings.engine,
    quality: settings.quality,
    paper: settings.paper,
    flow: settings.flow,
    concurrency: settings.concurrency,
    // Asked for by a flag or the config, else left to the engine (src/cards/workers.ts).
    ...(workersAsked === undefined ? {} : { workers: workersAsked }),
    force: settings.force,
    prune: settings.prune,
    timeoutMs: settings.dossierTimeoutMs,
    ...(settings.templatesDir ? { templatesDir: settings.templatesDir } : {}),
    ...(settings.theme ? { theme: settings.theme } : {}),
    ...(settings.cardLayoutsDir ? { cardLayoutsDir: settings.cardLayoutsDir } : {}),
    ...(settings.baseUrl ? { baseUrl: settings.baseUrl } : {}),
    ...(qr ? { qr } : {}),
    ...shard,
    ...(settings.browser ? { browserPath: settings.browser } : {}),
    ...(browserWs ? { browserWs } : {}),
  };
}

function summaryLine(summary: BuildSummary): string {
  const seconds = (summary.durationMs / 1000).toFixed(1);
  const removed = summary.pruned.length > 0 ? `, ${summary.pruned.length} removed` : '';
  return `${summary.records} records: ${summary.made} made, ${summary.skipped} skipped, ${summary.failed} failed${removed} in ${seconds}s`;
}

export function buildCommand(context: CommandContext): CommandModule<GlobalArgs, BuildArgs> {
  return {
    command: 'build [records..]',
    describe: 'Build every dossier and card (or those of the records named), skipping what is unchanged',
    builder: buildOptions,
    handler: async (args) => {
      const { reporter } = context;
      const options = await resolveOptions(args, (line) => reporter.info(line));
      reporter.debug(`build: ${options.concurrency} page${options.concurrency === 1 ? '' : 's'} printing at once, out ${options.outDir}`);
      const controller = new AbortController();
      const interrupt = () => {
        if (controller.signal.aborted) process.exit(130);
        reporter.warn('interrupted: stopping after closing the browser and workers (press Ctrl-C again to force)');
        controller.abort();
      };
      process.on('SIGINT', interrupt);
      process.on('SIGTERM', interrupt);
      capHeapGrowth();
      // Loaded here, not at start-up: cli-progress is for builds only.
      const { createProgress } = await import('../progress.js');
      const progress = createProgress(reporter);
      try {
        // Loaded here, not at start-up: --help, --version and usage errors need no browser or card code.
        const { buildSite } = await import('../../site/batch.js');
        const summary = await buildSite(options, progress, controller.signal);
        // Stop the bar before the summary prints under it; stop() is safe to call again below.
        progress.stop();
        const shard = options.shard ? { shard: { ...options.shard, ...(options.shardFrom ? { from: options.shardFrom } : {}) } } : {};
        // A getter: only a --json run prints the outputs, and only it reads the manifest back for them.
        reporter.result({
          ...summary,
          ...shard,
          get outputs() {
            return summary.manifest.outputs;
          },
        });
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
