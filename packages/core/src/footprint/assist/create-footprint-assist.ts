import type * as OpenAIProvider from '../../agent/providers/openai-provider';
import { CodewavesError } from '../../errors';
import type { FootprintAssist } from './assist-footprints';

/** Cheap and fast enough to ask once per task; override with --assist-model or CODEWAVES_ASSIST_MODEL. */
export const DEFAULT_ASSIST_MODEL = 'gpt-5-mini';

/**
 * The model-assisted footprint mode, when asked for (`--assist`, `assist: true`, or
 * CODEWAVES_ASSIST=1): the openai provider, from the same environment as the agents.
 */
export function createFootprintAssist(options: { assist?: boolean; assistModel?: string }, env: NodeJS.ProcessEnv): FootprintAssist | undefined {
  if (!options.assist && env.CODEWAVES_ASSIST !== '1') return undefined;
  if (!env.OPENAI_API_KEY) {
    throw new CodewavesError('PROVIDER_CONFIG', 'assist asks a model to refine the footprints, but OPENAI_API_KEY is not set', {
      hint: 'export OPENAI_API_KEY (and OPENAI_BASE_URL for a compatible server), or leave out --assist: the footprints work without a model',
    });
  }
  const model = options.assistModel ?? env.CODEWAVES_ASSIST_MODEL ?? DEFAULT_ASSIST_MODEL;
  // Required here, not imported: every CLI command reaches this module, and only --assist needs the SDK.
  const { createOpenAIClient } = require('../../agent/providers/openai-provider') as typeof OpenAIProvider;
  return {
    model,
    client: createOpenAIClient({ model, apiKey: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL || undefined, stream: false, api: 'chat', timeoutMs: 60_000 }),
  };
}
