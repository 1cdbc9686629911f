/**
 * A tiny element builder for Satori. Satori takes React-shaped objects ({ type, props }); we build
 * them with typed functions instead of TSX so there is no JSX runtime, no React types and no
 * compiler setting to keep in step: a layout is plain TypeScript that returns plain data.
 */
export type Style = Record<string, string | number>;

export interface CardElement {
  type: 'div' | 'img' | 'svg' | 'path' | 'span';
  props: {
    style?: Style;
    children?: CardChild[] | CardChild;
    src?: string;
    width?: number;
    height?: number;
    viewBox?: string;
    d?: string;
    fill?: string;
    /** Where fitting or the overflow check should look; never drawn. */
    'data-role'?: string;
  };
}

export type CardChild = CardElement | string;

/**
 * A flex box: Satori requires `display: flex` on any div with more than one child. Boxes are
 * border-box (Satori's default is content-box), so a width set on a box includes its padding
 * and border: the arithmetic the layouts do is the arithmetic Satori does.
 */
export function box(style: Style, ...children: (CardChild | null | undefined | false)[]): CardElement {
  const kept = children.filter((child): child is CardChild => child !== null && child !== undefined && child !== false);
  // A lone string stays a plain child: Satori then reports it as the box's textContent.
  const only = kept.length === 1 && typeof kept[0] === 'string' ? kept[0] : kept;
  return { type: 'div', props: { style: { display: 'flex', boxSizing: 'border-box', ...style }, children: only } };
}

export function row(style: Style, ...children: (CardChild | null | undefined | false)[]): CardElement {
  return box({ flexDirection: 'row', ...style }, ...children);
}

export function column(style: Style, ...children: (CardChild | null | undefined | false)[]): CardElement {
  return box({ flexDirection: 'column', ...style }, ...children);
}

/** Marks an element so the overflow check can name what spilled. */
export function tagged(element: CardElement, role: string): CardElement {
  return { ...element, props: { ...element.props, 'data-role': role } };
}

/** Every string in a tree, for the glyph-coverage check. */
export function collectText(node: CardChild, into: string[] = []): string[] {
  if (typeof node === 'string') {
    into.push(node);
    return into;
  }
  const children = node.props.children;
  if (children === undefined) return into;
  for (const child of Array.isArray(children) ? children : [children]) collectText(child, into);
  return into;
}
