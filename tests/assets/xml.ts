// The SVG checks read XML with saxes, a parser that holds a document to the XML 1.0 and
// Namespaces rules a browser applies (one root, no text outside it, no undefined entity, no
// bare "&" or "<" in a value, declared prefixes): a file it refuses is a file the game could
// not draw. This module only turns its events into a tree the tests can walk.
import { SaxesParser } from 'saxes';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export class XmlError extends Error {}

/** The root element of a well-formed document, or an XmlError. A DOCTYPE is refused outright (no entity tricks). */
export function parseXml(source: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const open: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on('doctype', () => {
    throw new XmlError(`${parser.line}:${parser.column}: DOCTYPE is not allowed`);
  });
  parser.on('opentag', (tag) => {
    const attrs = Object.fromEntries(Object.values(tag.attributes).map((a) => [a.name, a.value]));
    const el: XmlElement = { name: tag.name, attrs, children: [], text: '' };
    open.at(-1)?.children.push(el);
    root ??= el;
    open.push(el);
  });
  parser.on('closetag', () => open.pop());
  const addText = (text: string) => {
    const current = open.at(-1);
    if (current) current.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('error', (e) => {
    throw new XmlError(e.message);
  });
  parser.write(source).close();
  if (!root) throw new XmlError('no root element');
  return root;
}

export function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* walk(c);
}
