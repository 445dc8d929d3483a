// A strict, small XML reader for the SVG checks: enough to prove a file is well-formed and to
// walk its elements, without a dependency. It rejects DOCTYPEs outright (no entity tricks).

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_:][-A-Za-z0-9_:.]*/;
const ENTITY = /^&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);/;

export class XmlError extends Error {}

export function parseXml(source: string): XmlElement {
  let i = 0;
  const fail = (msg: string): never => {
    const line = source.slice(0, i).split('\n').length;
    throw new XmlError(`${msg} (line ${line})`);
  };
  const checkText = (text: string) => {
    for (let k = text.indexOf('&'); k >= 0; k = text.indexOf('&', k + 1)) {
      if (!ENTITY.test(text.slice(k))) fail('bare "&" or unknown entity');
    }
  };
  const skipMisc = () => {
    for (;;) {
      const ws = /^\s*/.exec(source.slice(i));
      i += ws?.[0].length ?? 0;
      if (source.startsWith('<!--', i)) {
        const end = source.indexOf('-->', i + 4);
        if (end < 0) fail('unterminated comment');
        if (source.slice(i + 4, end).includes('--')) fail('"--" inside a comment');
        i = end + 3;
      } else if (source.startsWith('<?', i)) {
        const end = source.indexOf('?>', i + 2);
        if (end < 0) fail('unterminated processing instruction');
        i = end + 2;
      } else if (source.startsWith('<!DOCTYPE', i)) {
        fail('DOCTYPE is not allowed');
      } else return;
    }
  };
  const readName = (): string => {
    const m = NAME.exec(source.slice(i));
    if (!m) return fail('expected a name');
    i += m[0].length;
    return m[0];
  };
  const readElement = (): XmlElement => {
    if (source[i] !== '<') fail('expected "<"');
    i++;
    const name = readName();
    const attrs: Record<string, string> = {};
    for (;;) {
      const ws = /^\s*/.exec(source.slice(i))?.[0].length ?? 0;
      i += ws;
      if (source.startsWith('/>', i)) {
        i += 2;
        return { name, attrs, children: [], text: '' };
      }
      if (source[i] === '>') {
        i++;
        break;
      }
      if (ws === 0) fail(`expected whitespace before an attribute of <${name}>`);
      const attr = readName();
      if (attr in attrs) fail(`duplicate attribute "${attr}" on <${name}>`);
      i += /^\s*/.exec(source.slice(i))?.[0].length ?? 0;
      if (source[i] !== '=') fail(`attribute "${attr}" has no value`);
      i++;
      i += /^\s*/.exec(source.slice(i))?.[0].length ?? 0;
      const quote = source[i];
      if (quote !== '"' && quote !== "'") return fail(`attribute "${attr}" is not quoted`);
      const end = source.indexOf(quote, i + 1);
      if (end < 0) fail('unterminated attribute value');
      const value = source.slice(i + 1, end);
      if (value.includes('<')) fail(`"<" in attribute "${attr}"`);
      checkText(value);
      attrs[attr] = value;
      i = end + 1;
    }
    const children: XmlElement[] = [];
    let text = '';
    for (;;) {
      if (i >= source.length) fail(`<${name}> is never closed`);
      if (source.startsWith('</', i)) {
        i += 2;
        const closing = readName();
        if (closing !== name) fail(`</${closing}> closes <${name}>`);
        i += /^\s*/.exec(source.slice(i))?.[0].length ?? 0;
        if (source[i] !== '>') fail('expected ">"');
        i++;
        return { name, attrs, children, text };
      }
      if (source.startsWith('<!--', i)) {
        const end = source.indexOf('-->', i + 4);
        if (end < 0) fail('unterminated comment');
        i = end + 3;
      } else if (source.startsWith('<![CDATA[', i)) {
        const end = source.indexOf(']]>', i);
        if (end < 0) fail('unterminated CDATA');
        text += source.slice(i + 9, end);
        i = end + 3;
      } else if (source[i] === '<') {
        children.push(readElement());
      } else {
        const next = source.indexOf('<', i);
        const chunk = source.slice(i, next < 0 ? source.length : next);
        checkText(chunk);
        text += chunk;
        i += chunk.length;
      }
    }
  };
  if (source.charCodeAt(0) === 0xfeff) i = 1;
  skipMisc();
  const root = readElement();
  skipMisc();
  if (i < source.length) fail('content after the root element');
  return root;
}

export function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* walk(c);
}
