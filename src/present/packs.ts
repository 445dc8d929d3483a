import type { ReferentialPack } from '../core/referentials/formats.ts';

/** A pack's short name in lists, tabs and marks: « NDRC », « NRC ». */
export function packShortName(pack: Pick<ReferentialPack, 'id'> & Partial<Pick<ReferentialPack, 'short'>>): string {
  return pack.short ?? pack.id.toUpperCase();
}
