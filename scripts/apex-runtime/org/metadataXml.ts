/**
 * Minimal readers for the flat metadata XML of a source folder (objects, fields, permission sets,
 * custom metadata records). Metadata files are machine-written with one value per element, so
 * element-level regular expressions suffice; nothing here parses arbitrary XML.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** The text of the first `<tag>` element, XML entities decoded. */
export function xmlValue(xml: string, tag: string): string | undefined {
  const match = new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml);
  return match ? decodeEntities(match[1]) : undefined;
}

/** The bodies of every `<tag>…</tag>` block, in order. */
export function xmlBlocks(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map(
    (match) => match[1]
  );
}

/** Resolves the five predefined XML entities. */
export function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Files of `dir` ending in `suffix` as [name without suffix, content], sorted; none if no dir. */
export function readMetadataFiles(dir: string, suffix: string): [string, string][] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith(suffix))
    .sort()
    .map((file) => [file.slice(0, -suffix.length), readFileSync(path.join(dir, file), 'utf8')]);
}

/** Sub-folders of `dir`, sorted; none if no dir. */
export function subfolders(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}
