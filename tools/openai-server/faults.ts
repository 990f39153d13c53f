import type { Fault, HandlerResult, ScriptedReply } from './types';

const FAULT_KINDS: ReadonlySet<string> = new Set<Fault['kind']>(['status', 'delay', 'drop', 'malformed-arguments']);

export interface ResponsePlan {
  faults: Fault[];
  reply: ScriptedReply;
}

function isFault(item: Fault | ScriptedReply): item is Fault {
  return 'kind' in item;
}

/** Splits a handler result into its faults and its reply; a malformed result is a bug in the test. */
export function planResponse(result: HandlerResult): ResponsePlan {
  const items = Array.isArray(result) ? result : [result];
  const faults: Fault[] = [];
  let reply: ScriptedReply | undefined;
  for (const item of items) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new Error(`the handler returned ${JSON.stringify(item)}, which is neither a reply nor a fault`);
    }
    if (isFault(item)) {
      if (!FAULT_KINDS.has(item.kind)) throw new Error(`unknown fault kind ${JSON.stringify(item.kind)}`);
      if (reply) throw new Error('a fault follows the reply: faults come first, then at most one reply');
      faults.push(item);
    } else {
      if (reply) throw new Error('the handler returned more than one reply');
      reply = item;
    }
  }
  return { faults, reply: reply ?? {} };
}
