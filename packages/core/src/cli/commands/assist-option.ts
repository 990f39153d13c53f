import type { Command } from 'commander';
import { DEFAULT_ASSIST_MODEL } from '../../footprint/assist/create-footprint-assist';

export interface AssistOptions {
  assist?: boolean;
  assistModel?: string;
}

export function addAssistOptions(command: Command): Command {
  return command
    .option('--assist', 'refine each footprint with a model (OPENAI_API_KEY, OPENAI_BASE_URL): one call per task with a compact repo map. Off by default')
    .option('--assist-model <model>', `with --assist: the model (default: CODEWAVES_ASSIST_MODEL or ${DEFAULT_ASSIST_MODEL})`);
}
