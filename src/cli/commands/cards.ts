import type { CommandModule } from 'yargs';
import { CARD_IDS } from '../../cards/plan.js';
import { SIZE_PRESET_NAMES } from '../../cards/sizes.js';
import { CasefileError } from '../../errors.js';
import { dataFolderSlugs } from '../../record/data-folder.js';
import type { GlobalArgs } from '../options.js';
import type { CommandContext } from '../context.js';
import { loadRenderSettings, settingsOptions, type SettingsArgs } from '../settings.js';

interface CardsArgs extends SettingsArgs {
  records: string[];
  size: string[];
  scale: number;
  format: string[];
  engine: string;
  quality?: number;
  section: string[];
  workers?: number;
}

/** `--size og,story --size x` → ['og', 'story', 'x']: repeatable and comma lists both work. */
export function splitList(values: readonly (string | number)[] | undefined): string[] {
  return (values ?? []).flatMap((value) => String(value).split(',')).map((value) => value.trim()).filter((value) => value !== '');
}

export function cardsCommand(context: CommandContext, argv: readonly string[]): CommandModule<GlobalArgs, CardsArgs> {
  return {
    command: 'cards <records..>',
    describe: 'Render social cards (cover + one per section) to <out-dir>/<slug>/cards/',
    builder: (yargs) =>
      settingsOptions(yargs, { cardLayouts: true })
        .positional('records', { type: 'string', array: true, demandOption: true, describe: 'Slugs or paths of record files (.json, or .txt page texts)' })
        .option('size', { type: 'string', array: true, default: ['og'], describe: `Card size: ${SIZE_PRESET_NAMES.join(', ')} or WIDTHxHEIGHT (repeat or comma-separate)` })
        .option('scale', { type: 'number', default: 1, describe: 'Pixel density: 2 for high-density screens (1 to 4)' })
        .option('format', { type: 'string', array: true, default: ['png'], describe: 'png, svg, webp, jpeg or a list (webp and jpeg need --engine takumi)' })
        .option('engine', { type: 'string', default: 'satori', describe: 'What draws the cards: satori (the reference) or takumi (native, several times faster; also webp and jpeg)' })
        .option('quality', { type: 'number', describe: 'webp and jpeg quality, 1 to 100 (default 85)' })
        .option('section', { type: 'string', array: true, default: [] as string[], describe: `Only these cards: ${CARD_IDS.join(', ')}` })
        .option('workers', { type: 'number', describe: 'Worker processes (0 renders in this process; default: one per core, none for a single card)' })
        .example('$0 cards lead-infrastructure-engineer', 'Every card at og size: out/lead-infrastructure-engineer/cards/*.png')
        .example('$0 cards sdet --size og,square,story --scale 2', 'Three sizes at double density')
        .example('$0 cards sdet --section cover salary --format png,svg', 'Two cards, as PNG and SVG')
        .example('$0 cards sdet --engine takumi --format webp --quality 80', 'Every card as WebP, drawn by Takumi') as never,
    handler: async (args) => {
      const { reporter } = context;
      if (args.workers !== undefined && (!Number.isInteger(args.workers) || args.workers < 0 || args.workers > 64)) {
        throw new CasefileError('E_USAGE', `Invalid value for --workers. Allowed: a whole number from 0 to 64. Received: ${JSON.stringify(args.workers)}.`);
      }
      const settings = await loadRenderSettings(args, argv);
      const { config } = settings;
      const sizes = settings.given('size') ? splitList(args.size) : (config.sizes ?? splitList(args.size));
      const scale = settings.given('scale') ? args.scale : (config.scale ?? args.scale);
      const formats = settings.given('format') ? splitList(args.format) : (config.formats ?? splitList(args.format));
      const engine = settings.given('engine') ? args.engine : (config.engine ?? args.engine);
      const quality = args.quality ?? config.quality;
      const cardSettings = { ...(settings.theme ? { theme: settings.theme } : {}), ...(settings.cardLayoutsDir ? { layoutsDir: settings.cardLayoutsDir } : {}) };
      const lossy = formats.some((format) => ['webp', 'jpeg'].includes(format.toLowerCase()));
      // Only the flag is refused without a lossy format: a config's quality is a default for when one is asked.
      if (args.quality !== undefined && !lossy) {
        throw new CasefileError('E_USAGE', '--quality applies to webp and jpeg cards only; add --format webp or --format jpeg.');
      }
      // Loaded here, not at the top: Satori, resvg and the fonts stay out of every other command's start-up.
      const { makeCards } = await import('../../api/cards.js');
      const { createCardRenderer, defaultWorkers } = await import('../../cards/renderer.js');
      // Several records share one renderer (one pool, fonts parsed once per worker); for one,
      // makeCards picks the workers from the number of cards.
      // Page texts link their bare arrows to the data folder's records: its slugs are read once.
      const knownSlugs = await dataFolderSlugs(settings.dataDir);
      const shared = args.records.length > 1 ? createCardRenderer({ workers: args.workers ?? defaultWorkers(), settings: cardSettings }) : undefined;
      const made = [];
      try {
        for (const reference of args.records) {
          const result = await makeCards(reference, {
            ...(shared ? { renderer: shared } : {}),
            dataDir: settings.dataDir,
            knownSlugs,
            outDir: settings.outDir,
            sizes,
            scale,
            formats,
            settings: cardSettings,
            engine,
            ...(quality === undefined ? {} : { quality }),
            sections: splitList(args.section),
            ...(args.workers === undefined ? {} : { workers: args.workers }),
          });
          made.push(result);
          for (const warning of result.warnings) reporter.warn(warning);
          for (const failure of result.failures) reporter.error(failure);
          if (result.failures.length > 0) context.exitCode = 1;
          for (const output of result.outputs) {
            reporter.info(`${reporter.green('✓')} ${output.path} (${output.width}×${output.height}, ${Math.round(output.bytes / 1024)} KB)`);
          }
          const sorted = [...result.renderMs].sort((a, b) => a - b);
          if (sorted.length > 0) reporter.debug(`${result.slug}: ${sorted.length} cards, median ${sorted[Math.floor(sorted.length / 2)]} ms per card`);
        }
      } finally {
        await shared?.close();
      }
      reporter.result({
        outputs: made.flatMap((result) => result.outputs.map((output) => ({ record: result.slug, ...output }))),
        warnings: made.flatMap((result) => result.warnings),
        failures: made.flatMap((result) => result.failures.map((failure) => failure.toJSON())),
      });
    },
  };
}
