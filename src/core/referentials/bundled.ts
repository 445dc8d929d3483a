import skillsJson from '../../../scenarios/referentials/skills.json';
import ndrcJson from '../../../scenarios/referentials/ndrc.json';
import nrcJson from '../../../scenarios/referentials/nrc.json';
import { loadReferentials } from './load-referentials.ts';

/**
 * The taxonomy and packs shipped with NegoSim, read through the same loader as any other
 * referential file. The composition roots (the game's boot, the CLI, the server) call this once
 * and pass the result down. Order matters: BTS NDRC, today's diploma, comes first.
 */
let loaded: ReturnType<typeof loadReferentials> | undefined;

export function bundledReferentials(): ReturnType<typeof loadReferentials> {
  loaded ??= loadReferentials({
    skills: { file: 'scenarios/referentials/skills.json', doc: skillsJson },
    packs: [
      { file: 'scenarios/referentials/ndrc.json', doc: ndrcJson },
      { file: 'scenarios/referentials/nrc.json', doc: nrcJson },
    ],
  });
  return loaded;
}
