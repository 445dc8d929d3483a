// The preview page is shipped inside assets/: it must stay self-contained (no CDN, no font, no
// path outside the folder) and read everything else from the manifest.
import { existsSync, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASSETS_DIR } from './asset-files.ts';

const html = readFileSync(join(ASSETS_DIR, 'preview.html'), 'utf8');

describe('assets/preview.html', () => {
  it('loads nothing from the network', () => {
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/\/\/[a-z0-9.-]+\.[a-z]{2,}\//i);
    expect(html).not.toMatch(/@import|@font-face|<link\b|<iframe\b/i);
    expect(html).not.toMatch(/<script[^>]*\bsrc=/i);
  });

  it('refers only to files inside assets/ that exist', () => {
    const refs = [...html.matchAll(/(?:src|href)="([^"#][^"]*)"|fetch\('([^']+)'\)/g)].map((m) => m[1] ?? m[2] ?? '');
    expect(refs).toContain('manifest.json');
    for (const ref of refs) {
      const target = normalize(join(ASSETS_DIR, ref));
      expect(target.startsWith(ASSETS_DIR), ref).toBe(true);
      expect(existsSync(target), ref).toBe(true);
    }
  });

  it('shows every section a reviewer needs', () => {
    for (const section of ['Settings', 'Expressions', 'Poses', 'Looks', 'Composer', 'UI icons and avatars', 'Sounds']) {
      expect(html).toContain(`'${section}'`);
    }
  });
});
