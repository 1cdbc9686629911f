// A Satori element tree as the equivalent HTML: the same boxes, styles, text and fonts, for the
// "screenshot an HTML card in Puppeteer" peer. Satori's flex defaults are made explicit.
const UNITLESS = new Set(['flexGrow', 'flexShrink', 'opacity', 'zIndex', 'fontWeight', 'lineHeight', 'order', 'flex']);

const escape = (text) => String(text).replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char]);

function cssValue(key, value) {
  return typeof value === 'number' && !UNITLESS.has(key) ? `${value}px` : String(value);
}

function styleText(style = {}) {
  return Object.entries(style)
    .map(([key, value]) => `${key.replace(/[A-Z]/g, (char) => `-${char.toLowerCase()}`)}:${cssValue(key, value)}`)
    .join(';');
}

export function elementToHtml(node) {
  if (typeof node === 'string') return escape(node);
  const { type, props } = node;
  const children = props.children === undefined ? [] : Array.isArray(props.children) ? props.children : [props.children];
  const inner = children.map(elementToHtml).join('');
  const style = styleText(props.style);
  if (type === 'img') return `<img src="${escape(props.src ?? '')}" width="${props.width ?? ''}" height="${props.height ?? ''}" style="${style}">`;
  if (type === 'svg') return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${escape(props.viewBox ?? '')}" width="${props.width ?? ''}" height="${props.height ?? ''}" style="${style}">${inner}</svg>`;
  if (type === 'path') return `<path d="${escape(props.d ?? '')}" fill="${escape(props.fill ?? 'currentColor')}"/>`;
  return `<${type} style="${style}">${inner}</${type}>`;
}

export function cardHtmlDocument(tree, { width, height, fontFaceCss }) {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>${fontFaceCss}
html,body{margin:0;padding:0;width:${width}px;height:${height}px;overflow:hidden}
div,span{display:flex;flex-direction:row;box-sizing:border-box;position:relative;min-width:0;min-height:0}
</style></head><body>${elementToHtml(tree)}</body></html>`;
}
