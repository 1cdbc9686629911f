/**
 * The `lang` marks the templates put on elements for the finishing step (tag-hints.ts). Apart from
 * it because the templates' helpers need only these names: tag-hints.ts loads pdf-lib, which a
 * build that prints no dossier should not pay for.
 */

/** The `lang` attributes the templates mark elements with (the document's language, then the hint). */
export const TAG_HINT_LANG = {
  words: 'en-x-words',
  section: (number: string) => `en-x-sect-${number}`,
} as const;
