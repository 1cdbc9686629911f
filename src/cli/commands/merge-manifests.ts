import path from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import type { CommandContext } from '../context.js';
import { folders, type ArgsOf, type GlobalArgs } from '../options.js';

function mergeOptions(yargs: Argv<GlobalArgs>) {
  return yargs
    .positional('manifests', { type: 'string', array: true, demandOption: true, describe: 'manifest.json files from each shard' })
    .example('$0 merge-manifests shard-*/manifest.json --out-dir out', 'After a CI matrix, one manifest and gallery for the site');
}

export function mergeManifestsCommand(context: CommandContext): CommandModule<GlobalArgs, ArgsOf<typeof mergeOptions>> {
  return {
    command: 'merge-manifests <manifests..>',
    describe: 'Join the manifests of sharded builds into <out-dir>/manifest.json and rebuild the gallery',
    builder: mergeOptions,
    handler: async (args) => {
      const { outDir } = folders(args);
      // Loaded here, not at start-up: the manifest's schema and the gallery are this command's (and build's) alone.
      const [{ galleryPages }, { MANIFEST_FILE, mergeManifests, readManifest }, { writeSiteFiles }] = await Promise.all([
        import('../../site/gallery.js'),
        import('../../site/manifest.js'),
        import('../../site/site-files.js'),
      ]);
      const merged = mergeManifests(await Promise.all(args.manifests.map(readManifest)));
      const target = path.join(outDir, MANIFEST_FILE);
      // Each record's gallery page is a function of its own entries, so a shard's page is the merged one and is not rewritten.
      await writeSiteFiles(outDir, merged, galleryPages(merged));
      context.reporter.result({ manifest: target, outputs: merged.outputs.length });
      context.reporter.info(`${target}: ${merged.outputs.length} outputs from ${args.manifests.length} manifests`);
    },
  };
}
