/**
 * The takumi engine: @takumi-rs/core (Rust: taffy layout, parley shaping with bidi, its own
 * rasterizer and PNG/WebP/JPEG encoders) drawing the same element tree Satori draws, converted
 * by `fromJsx` of @takumi-rs/helpers. The package is loaded only when this engine is asked for,
 * so a platform without its prebuilt native binary still renders with Satori, and asking for
 * Takumi there fails in one line.
 *
 * Per process (so once per worker): one Renderer, the bundled fonts registered into it once, a
 * fallback font registered the first time a record needs it. Emoji become images of the same
 * twemoji SVGs Satori draws. Its memory stays flat over thousands of renders
 * (scripts/card-memory.mjs --engine takumi). The overflow check measures, with Takumi's own
 * shaper, only the lines the fitter's margin does not cover (line-check.ts), beside the drawing:
 * a second layout of the whole card cost about a quarter of its time.
 */
import { createRequire } from 'node:module';
import { CasefileError } from '../../errors.js';
import type { CardChild, CardElement } from '../element.js';
import { isEmojiGrapheme, segmentGraphemes, type BookFont, type FontBook } from '../fonts.js';
import { emojiSvg, twemojiCode } from '../glyphs.js';
import type { CardEngine, DrawRequest } from './engine.js';
import { drawnLines, lineBoxes, needsCheck, probeTree } from './line-check.js';

type TakumiCore = typeof import('@takumi-rs/core');
type TakumiRenderer = InstanceType<TakumiCore['Renderer']>;
type TakumiNode = Parameters<TakumiRenderer['render']>[0];
type FromJsx = typeof import('@takumi-rs/helpers/jsx').fromJsx;

const require = createRequire(import.meta.url);

/** The installed @takumi-rs/core version (part of a takumi card's cache key), or undefined when absent. */
export function takumiVersion(): string | undefined {
  try {
    return (require('@takumi-rs/core/package.json') as { version: string }).version;
  } catch {
    return undefined;
  }
}

function platformName(): string {
  return `${process.platform}-${process.arch}`;
}

let modules: Promise<{ core: TakumiCore; fromJsx: FromJsx }> | undefined;

/** Loads Takumi's native binding, or throws the one-line refusal naming the platform. */
export function loadTakumi(): Promise<{ core: TakumiCore; fromJsx: FromJsx }> {
  modules ??= (async () => {
    try {
      const [core, helpers] = await Promise.all([import('@takumi-rs/core'), import('@takumi-rs/helpers/jsx')]);
      // The binding loads lazily in some builds: make one renderer now so a missing binary fails here.
      new core.Renderer();
      return { core, fromJsx: helpers.fromJsx };
    } catch (error) {
      modules = undefined;
      // napi's loader explains at length; the first sentence says what failed.
      const reason = (error instanceof Error ? error.message : String(error)).split(/\.\s|\n/)[0];
      throw new CasefileError(
        'E_USAGE',
        `The takumi engine is not available on ${platformName()}: @takumi-rs/core has no working native binary here (${reason}). Use --engine satori.`,
        { cause: error },
      );
    }
  })();
  return modules;
}

/** Satori's emoji are twemoji images sized 1em; the same here, as images Takumi is handed by key. */
function withEmojiImages(node: CardChild, images: Map<string, Uint8Array>): CardChild {
  if (typeof node === 'string') return node;
  const children = node.props.children;
  if (children === undefined) return node;
  const list = Array.isArray(children) ? children : [children];
  let changed = false;
  const out: CardChild[] = [];
  for (const child of list) {
    if (typeof child !== 'string' || /^[\x20-\x7e]*$/.test(child)) {
      const mapped = withEmojiImages(child, images);
      changed ||= mapped !== child;
      out.push(mapped);
      continue;
    }
    const graphemes = segmentGraphemes(child);
    if (!graphemes.some(isEmojiGrapheme)) {
      out.push(child);
      continue;
    }
    changed = true;
    let text = '';
    const flush = () => {
      if (text) out.push({ type: 'span', props: { style: { whiteSpace: 'pre' }, children: text } });
      text = '';
    };
    for (const grapheme of graphemes) {
      const svg = isEmojiGrapheme(grapheme) ? emojiSvg(grapheme) : undefined;
      if (!svg) {
        text += grapheme;
        continue;
      }
      flush();
      const src = `emoji:${twemojiCode(grapheme)}`;
      images.set(src, svg);
      out.push({ type: 'img', props: { src, style: { width: '1em', height: '1em', flexShrink: 0 } } });
    }
    flush();
  }
  if (!changed) return node;
  return { ...node, props: { ...node.props, children: out } };
}

export async function createTakumiEngine(book: FontBook): Promise<CardEngine> {
  const { core, fromJsx } = await loadTakumi();
  const renderer = new core.Renderer();
  // Each font's registration is kept as a promise: a card drawn while another card is still
  // registering the same fallback must wait for it, or it is drawn without the font.
  const registrations = new Map<BookFont, Promise<unknown>>();
  const register = async (fonts: readonly BookFont[]) => {
    for (const font of fonts) {
      if (!registrations.has(font)) {
        registrations.set(font, renderer.registerFont({ name: font.family, data: font.data, weight: font.weight, style: font.style }));
      }
      await registrations.get(font);
    }
  };
  await register(book.bundled);

  return {
    name: 'takumi',
    async draw(tree, request: DrawRequest) {
      // Fallbacks the record needs were loaded into the book by the glyph check; register any new one.
      await register(book.fallbackFonts.filter((font) => request.fallbackFamilies.includes(font.family)));
      const emoji = new Map<string, Uint8Array>();
      const drawn = withEmojiImages(tree, emoji) as CardElement;
      const { node, css } = await fromJsx(drawn as never, { defaultStyles: false });
      const source = node as TakumiNode;
      // The overflow check's lines: only those the fitter's margin does not cover (line-check.ts).
      const checked = drawnLines(tree).filter((line) => needsCheck(line, book, request.fallbackFamilies));
      const probe = checked.length > 0 ? ((await fromJsx(withEmojiImages(probeTree(checked), emoji) as never, { defaultStyles: false })).node as TakumiNode) : undefined;
      const images = [...emoji].map(([src, data]) => ({ src, data }));
      const layout = { css, images };
      const raster = { ...layout, width: Math.round(request.width * request.scale), height: Math.round(request.height * request.scale), devicePixelRatio: request.scale };
      const [measured, ...encoded] = await Promise.all([
        probe ? renderer.measure(probe, { images }) : undefined,
        ...request.formats.map(async (format) => {
          if (format === 'svg') return [format, await renderer.renderSvg(source, { ...layout, width: request.width, height: request.height })] as const;
          const lossy = format === 'webp' || format === 'jpeg';
          const bytes = await renderer.render(source, { ...raster, format, ...(lossy ? { quality: request.quality } : {}) });
          return [format, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)] as const;
        }),
      ]);
      const boxes = lineBoxes(checked, measured?.children.map((line) => line.width) ?? []);
      return { images: Object.fromEntries(encoded), boxes, width: raster.width, height: raster.height };
    },
  };
}
