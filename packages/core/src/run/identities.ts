/** Who commits an agent's work, and who records a wave merge: never the user's identity. */
export const AGENT_AUTHOR = { name: 'codewaves agent', email: 'agent@codewaves.invalid' };

export function mergeIdentityEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...env, GIT_AUTHOR_NAME: 'codewaves', GIT_AUTHOR_EMAIL: 'merge@codewaves.invalid', GIT_COMMITTER_NAME: 'codewaves', GIT_COMMITTER_EMAIL: 'merge@codewaves.invalid' };
}
