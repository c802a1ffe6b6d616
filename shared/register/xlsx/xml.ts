import { SpreadsheetFormatError } from './limits';

/**
 * A small XML reader for the parts of an XLSX file: elements, attributes and text, namespace prefixes
 * dropped. It expands only XML's five entities and character references, and refuses a DOCTYPE, so
 * no entity can expand into more text than the file holds ("billion laughs").
 */
export interface XmlHandlers {
  open?(name: string, attributes: Record<string, string>, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
}

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function readXml(xml: string, handlers: XmlHandlers): void {
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt === -1) {
      emitText(xml.slice(i), handlers);
      return;
    }
    if (lt > i) emitText(xml.slice(i, lt), handlers);
    if (xml.startsWith('<!--', lt)) {
      i = after(xml, '-->', lt);
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt);
      if (end === -1) throw malformed();
      handlers.text?.(xml.slice(lt + 9, end));
      i = end + 3;
    } else if (xml.startsWith('<?', lt)) {
      i = after(xml, '?>', lt);
    } else if (xml.startsWith('<!', lt)) {
      throw new SpreadsheetFormatError(
        'kalkylbladsfilen innehåller en DOCTYPE-deklaration, som inte tillåts',
      );
    } else {
      const gt = xml.indexOf('>', lt);
      if (gt === -1) throw malformed();
      const tag = xml.slice(lt + 1, gt);
      if (tag.startsWith('/')) {
        handlers.close?.(localName(tag.slice(1).trim()));
      } else {
        const selfClosing = tag.endsWith('/');
        const body = selfClosing ? tag.slice(0, -1) : tag;
        const space = body.search(/\s/);
        const name = localName(space === -1 ? body : body.slice(0, space));
        const attributes: Record<string, string> = {};
        if (space !== -1) {
          for (const match of body.slice(space).matchAll(ATTRIBUTE)) {
            attributes[localName(match[1]!)] = decodeEntities(match[2] ?? match[3] ?? '');
          }
        }
        handlers.open?.(name, attributes, selfClosing);
        if (selfClosing) handlers.close?.(name);
      }
      i = gt + 1;
    }
  }
}

function emitText(raw: string, handlers: XmlHandlers) {
  if (handlers.text) handlers.text(decodeEntities(raw));
}

function after(xml: string, end: string, from: number): number {
  const at = xml.indexOf(end, from);
  if (at === -1) throw malformed();
  return at + end.length;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? whole;
  });
}

function malformed(): SpreadsheetFormatError {
  return new SpreadsheetFormatError(
    'kalkylbladsfilen är trasig (en del av den är inte giltig XML); spara den igen',
  );
}
