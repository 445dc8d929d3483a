/**
 * Phaser as the stage uses it, built from Phaser's own sources: production builds alias
 * `phaser` here (vite.config.ts), with the feature flags that drop WebGL, sound and the
 * plugins the stage never asks for. Development keeps the whole published bundle.
 *
 * Only these modules are bundled: the game, scenes, the scale manager, the scene plugins
 * the stage calls (`add`, `load`, `tweens`, cameras to draw), images, containers and the SVG
 * loader. Each plugin and factory registers itself when its module runs, so the imports below
 * are the whole list — a `Phaser.X` the stage starts using must be added here (the browser
 * tests draw the stage with this build). The game comes first: the plugin modules require
 * parts of the core that must already be set up.
 */
import CONST from 'phaser-src/const.js';
import Game from 'phaser-src/core/Game.js';
import CoreEvents from 'phaser-src/core/events/index.js';
import Scene from 'phaser-src/scene/Scene.js';
import Scale from 'phaser-src/scale/index.js';
import 'phaser-src/events/EventEmitter.js';
import 'phaser-src/cameras/2d/CameraManager.js';
import 'phaser-src/gameobjects/DisplayList.js';
import 'phaser-src/gameobjects/UpdateList.js';
import 'phaser-src/gameobjects/GameObjectFactory.js';
import 'phaser-src/loader/LoaderPlugin.js';
import 'phaser-src/tweens/TweenManager.js';
import 'phaser-src/gameobjects/image/ImageFactory.js';
import 'phaser-src/gameobjects/container/ContainerFactory.js';
import 'phaser-src/loader/filetypes/SVGFile.js';

export default { ...CONST, Game, Scene, Scale, Core: { Events: CoreEvents } };
