import type { Argv, CommandModule } from 'yargs';
import { CARD_IDS, LOSSY_FORMATS } from '../../cards/plan.js';
import { SIZE_PRESET_NAMES } from '../../cards/sizes.js';
import { chooseCardWorkers, describeCardWorkers } from '../../cards/workers.js';
import { CasefileError } from '../../errors.js';
import { dataFolderSlugs } from '../../record/data-folder.js';
import { BOUNDS, DEFAULTS } from '../../settings/defaults.js';
import { cardFlags } from '../card-options.js';
import { cardWorkersOption } from '../card-workers-option.js';
import type { CommandContext } from '../context.js';
import { configOr, wholeNumber, type ArgsOf, type GlobalArgs } from '../options.js';
import { cardLayoutsOption, resolveSettings, settingsFlags, settingsOptions } from '../settings.js';

function cardsOptions(yargs: Argv<GlobalArgs>) {
  return cardWorkersOption(cardLayoutsOption(settingsOptions(yargs)))
    .positional('records', { type: 'string', array: true, demandOption: true, describe: 'Slugs or paths of record files (.json, or .txt page texts)' })
    .option('size', { type: 'string', array: true, defaultDescription: configOr(DEFAULTS.sizes), describe: `Card size: ${SIZE_PRESET_NAMES.join(', ')} or WIDTHxHEIGHT (repeat or comma-separate)` })
    .option('scale', { type: 'number', defaultDescription: configOr(DEFAULTS.scale), describe: 'Pixel density: 2 for high-density screens (1 to 4)' })
    .option('format', { type: 'string', array: true, defaultDescription: configOr(DEFAULTS.formats), describe: 'png, svg, webp, jpeg or a list (webp and jpeg need --engine takumi)' })
    .option('engine', { type: 'string', defaultDescription: configOr(DEFAULTS.engine), describe: 'What draws the cards: satori (the reference) or takumi (native, several times faster; also webp and jpeg)' })
    .option('quality', { type: 'number', defaultDescription: configOr(DEFAULTS.quality), describe: 'webp and jpeg quality, 1 to 100' })
    .option('section', { type: 'string', array: true, defaultDescription: 'all', describe: `Only these cards: ${CARD_IDS.join(', ')}` })
    .example('$0 cards lead-infrastructure-engineer', 'Every card at og size: out/lead-infrastructure-engineer/cards/*.png')
    .example('$0 cards sdet --size og,square,story --scale 2', 'Three sizes at double density')
    .example('$0 cards sdet --section cover salary --format png,svg', 'Two cards, as PNG and SVG')
    .example('$0 cards sdet --engine takumi --format webp --quality 80', 'Every card as WebP, drawn by Takumi');
}

export function cardsCommand(context: CommandContext): CommandModule<GlobalArgs, ArgsOf<typeof cardsOptions>> {
  return {
    command: 'cards <records..>',
    describe: 'Render social cards (cover + one per section) to <out-dir>/<slug>/cards/',
    builder: cardsOptions,
    handler: async (args) => {
      const { reporter } = context;
      const flags = { ...settingsFlags(args), ...cardFlags(args), workers: wholeNumber('workers', args.workers, BOUNDS.workers) };
      const settings = await resolveSettings('cards', args, flags);
      // Only the flag is refused without a lossy format: a config's quality is a default for when one is asked.
      if (flags.quality !== undefined && !settings.formats.some((format) => LOSSY_FORMATS.includes(format))) {
        throw new CasefileError('E_USAGE', '--quality applies to webp and jpeg cards only; add --format webp or --format jpeg.');
      }
      const cardSettings = { ...(settings.theme ? { theme: settings.theme } : {}), ...(settings.cardLayoutsDir ? { layoutsDir: settings.cardLayoutsDir } : {}) };
      // Loaded here, not at the top: Satori, resvg and the fonts stay out of every other command's start-up.
      const { makeCards } = await import('../../api/cards.js');
      const { createCardRenderer } = await import('../../cards/renderer.js');
      // A flag, else the config's `workers`; else the engine's default (src/cards/workers.ts).
      const workers = flags.workers ?? settings.fromConfig.workers;
      // Several records share one renderer (one pool, fonts parsed once per worker), chosen for
      // many cards; for one, makeCards chooses from the number of cards.
      // Page texts link their bare arrows to the data folder's records: its slugs are read once.
      const knownSlugs = await dataFolderSlugs(settings.dataDir);
      const sharedChoice = args.records.length > 1 ? chooseCardWorkers(settings.engine, Number.POSITIVE_INFINITY, workers) : undefined;
      if (sharedChoice) reporter.debug(describeCardWorkers(settings.engine, sharedChoice));
      const shared = sharedChoice ? createCardRenderer({ workers: sharedChoice.workers, settings: cardSettings }) : undefined;
      const made = [];
      try {
        for (const reference of args.records) {
          const result = await makeCards(reference, {
            ...(shared ? { renderer: shared } : {}),
            dataDir: settings.dataDir,
            knownSlugs,
            outDir: settings.outDir,
            sizes: settings.sizes,
            scale: settings.scale,
            formats: settings.formats,
            settings: cardSettings,
            engine: settings.engine,
            quality: settings.quality,
            ...(settings.sections ? { sections: settings.sections } : {}),
            ...(workers === undefined ? {} : { workers }),
          });
          if (result.workers) reporter.debug(describeCardWorkers(settings.engine, result.workers));
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
