/**
 * Right-to-left scripts on a card. Takumi runs the Unicode bidi algorithm; Satori does not and
 * draws an Arabic or Hebrew run in logical order (backwards to a reader), so with Satori the
 * renderer warns once per card that has any.
 */
const RIGHT_TO_LEFT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

export function hasRightToLeft(texts: readonly string[]): boolean {
  return texts.some((text) => RIGHT_TO_LEFT.test(text));
}
