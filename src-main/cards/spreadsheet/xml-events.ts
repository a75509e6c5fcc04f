/**
 * A small streaming reader for the machine-written XML inside an xlsx file
 * (sheets, shared strings, styles). It hands over element starts with their
 * attributes, element ends and text, chunk by chunk, without building a
 * tree: a 100,000-row sheet passes through in constant memory and without
 * an object per cell. Namespace prefixes are dropped (x:row is row);
 * comments, processing instructions and the doctype are skipped; CDATA is
 * text.
 */
export interface XmlHandler {
  open(name: string, attributes: XmlAttributes, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? whole;
  });
}

const localName = (name: string) => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

/**
 * An element's attributes, looked up by local name only when asked: a
 * sheet has millions of cells, and a map per cell would be mostly garbage.
 */
export interface XmlAttributes {
  get(name: string): string | undefined;
  /** Every attribute by local name (for the few small parts that need them all). */
  all(): Map<string, string>;
}

const lookups = new Map<string, RegExp>();

class TagAttributes implements XmlAttributes {
  constructor(private readonly source: string) {}

  get(name: string): string | undefined {
    let pattern = lookups.get(name);
    if (!pattern) {
      pattern = new RegExp(`(?:^|\\s)(?:[^\\s=:]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
      lookups.set(name, pattern);
    }
    const m = pattern.exec(this.source);
    return m ? decodeEntities(m[1] ?? m[2] ?? '') : undefined;
  }

  all(): Map<string, string> {
    const found = new Map<string, string>();
    const pattern = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
    for (let m = pattern.exec(this.source); m; m = pattern.exec(this.source)) {
      found.set(localName(m[1]!), decodeEntities(m[2] ?? m[3] ?? ''));
    }
    return found;
  }
}

const NO_ATTRIBUTES: XmlAttributes = { get: () => undefined, all: () => new Map() };

/** Feeds text chunks in order; call end() after the last one. Throws on XML that cannot be read. */
export class XmlEventReader {
  private rest = '';

  constructor(private readonly handler: XmlHandler) {}

  write(chunk: string): void {
    const text = this.rest + chunk;
    let at = 0;
    for (;;) {
      const lt = text.indexOf('<', at);
      if (lt < 0) {
        // Text after the last tag may end in the middle of an entity: keep it for the next chunk.
        this.rest = text.slice(at);
        return;
      }
      if (lt > at) this.handler.text(decodeEntities(text.slice(at, lt)));
      const end = this.markupEnd(text, lt);
      if (end < 0) {
        this.rest = text.slice(lt);
        return;
      }
      this.markup(text, lt, end);
      at = end;
    }
  }

  end(): void {
    if (this.rest.trim() !== '') throw new Error('xml ends inside markup');
    this.rest = '';
  }

  /** Index just past the markup starting at `lt`, or -1 when the chunk ends before it does. */
  private markupEnd(text: string, lt: number): number {
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      return end < 0 ? -1 : end + 3;
    }
    if (text.startsWith('<?', lt)) {
      const end = text.indexOf('?>', lt + 2);
      return end < 0 ? -1 : end + 2;
    }
    // A '>' inside a quoted attribute value does not end the tag.
    let quote = '';
    for (let i = lt + 1; i < text.length; i++) {
      const ch = text[i]!;
      if (quote) {
        if (ch === quote) quote = '';
      } else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '>') return i + 1;
    }
    return -1;
  }

  private markup(text: string, lt: number, end: number): void {
    if (text.startsWith('<![CDATA[', lt)) {
      this.handler.text(text.slice(lt + 9, end - 3));
      return;
    }
    if (text.startsWith('<!', lt) || text.startsWith('<?', lt)) return;
    if (text[lt + 1] === '/') {
      this.handler.close(localName(text.slice(lt + 2, end - 1).trim()));
      return;
    }
    const selfClosing = text[end - 2] === '/';
    const body = text.slice(lt + 1, selfClosing ? end - 2 : end - 1);
    const space = body.search(/\s/);
    const name = localName(space < 0 ? body : body.slice(0, space));
    if (!name) throw new Error('xml tag without a name');
    this.handler.open(name, space < 0 ? NO_ATTRIBUTES : new TagAttributes(body.slice(space)), selfClosing);
    if (selfClosing) this.handler.close(name);
  }
}
