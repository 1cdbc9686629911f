/**
 * The config file's default name, apart from its schema (config.ts) so that the CLI's --help can
 * name it without loading zod and every schema the config's checks are built from.
 */
export const CONFIG_FILE = 'casefile.config.json';
