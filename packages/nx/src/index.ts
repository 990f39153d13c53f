export { createNodes, createNodesV2, type CodewavesPluginOptions } from './plugins/plugin';
