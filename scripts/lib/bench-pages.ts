import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The baselines of `npm run bench:game`, built and served exactly like the game. Each marks
 * `negosim:interactive` and sets `body[data-ready]` as the game does, so one measuring code
 * reads all three.
 */

/** Phaser 4 alone, as published (the whole bundle): one scene drawing two shapes. */
export function writePhaserAlonePage(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html><head><meta charset="utf-8"><title>Phaser alone</title></head><body style="margin:0"><div id="stage"></div><script type="module" src="./main.js"></script></body></html>`,
  );
  writeFileSync(
    join(dir, 'main.js'),
    `import Phaser from 'phaser';
class S extends Phaser.Scene {
  create() {
    this.add.rectangle(640, 360, 400, 200, 0x1d3557);
    this.add.circle(900, 300, 80, 0xf4d35e);
    performance.mark('negosim:interactive');
    document.body.dataset.ready = 'true';
  }
}
new Phaser.Game({ type: Phaser.AUTO, parent: 'stage', width: 1280, height: 720, banner: false, audio: { noAudio: true }, scene: S });
`,
  );
}

/**
 * The least a click-to-answer can cost in this browser: plain DOM, no framework, no drawing.
 * A click on a choice writes the client's next line, a feedback line, a note and three new
 * choices, in the click's own task, with the game's markup (`[data-testid="choices"]` and its
 * `data-turn`), so the game's own test helpers measure it the same way.
 */
export function writePlainDomPage(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Plain DOM</title></head><body>
<main><p id="feedback"></p><p id="line" aria-live="polite"></p><ul id="notes"></ul><div data-testid="choices" data-turn="0" role="group"></div></main>
<script type="module" src="./main.js"></script></body></html>`,
  );
  writeFileSync(
    join(dir, 'main.js'),
    `const choices = document.querySelector('[data-testid="choices"]');
const line = document.getElementById('line');
const feedback = document.getElementById('feedback');
const notes = document.getElementById('notes');
let turn = 0;
function render() {
  line.textContent = 'Réplique ' + turn + ' du client : nous avons déjà un fournisseur, et il nous convient.';
  feedback.textContent = turn ? 'Bon choix : reformuler avant de répondre montre que vous avez écouté.' : '';
  const note = document.createElement('li');
  note.textContent = 'Note ' + turn;
  notes.replaceChildren(note);
  const buttons = [1, 2, 3].map((n) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = n + '. Réponse ' + n + ' au tour ' + turn;
    b.addEventListener('click', () => { turn++; render(); });
    return b;
  });
  choices.replaceChildren(...buttons);
  choices.dataset.turn = String(turn);
}
render();
performance.mark('negosim:interactive');
document.body.dataset.ready = 'true';
`,
  );
}
