// Shared by the asset tests: where the assets are, the manifest, and the files on disk.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { AssetFile, Manifest } from '../../assets/manifest.types.ts';

export const ASSETS_DIR = join(import.meta.dirname, '..', '..', 'assets');

export function loadManifest(): Manifest {
  return JSON.parse(readFileSync(join(ASSETS_DIR, 'manifest.json'), 'utf8')) as Manifest;
}

/** Files under assets/<sub>, as paths relative to assets/ with forward slashes. */
export function filesUnder(sub: string): string[] {
  const out: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else out.push(relative(ASSETS_DIR, full).split(sep).join('/'));
    }
  };
  visit(join(ASSETS_DIR, sub));
  return out.sort();
}

export function sizeOf(file: string): number {
  return statSync(join(ASSETS_DIR, file)).size;
}

/** Every AssetFile object anywhere in the manifest (found by shape, so no section is forgotten). */
export function manifestFiles(manifest: Manifest): AssetFile[] {
  const found: AssetFile[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const v = value as Record<string, unknown>;
      if (typeof v.file === 'string' && typeof v.bytes === 'number') found.push(v as unknown as AssetFile);
      Object.values(v).forEach(visit);
    }
  };
  visit(manifest);
  return found;
}
