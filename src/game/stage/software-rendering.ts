/**
 * Whether this browser draws without a GPU: school computers whose graphics driver the browser
 * blocks, virtual machines, headless browsers. There every moving frame costs the page's own
 * thread, and a player's click waits behind it, so 'auto' low graphics keeps the client still.
 *
 * `failIfMajorPerformanceCaveat` is the browser's own answer (no context when WebGL would run
 * in software); the renderer's name catches the browsers that create one anyway (SwiftShader,
 * llvmpipe, Windows' Basic Render Driver). The probe context is released at once.
 */
export function drawsWithoutGpu(): boolean {
  const gl = document.createElement('canvas').getContext('webgl', { failIfMajorPerformanceCaveat: true });
  if (!gl) return true;
  try {
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    return /swiftshader|llvmpipe|softpipe|software|basic render/i.test(name);
  } finally {
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  }
}
